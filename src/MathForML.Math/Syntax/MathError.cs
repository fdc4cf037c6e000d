namespace MathForML.Math.Syntax;

/// <summary>An expected failure while reading or evaluating input: a reason code, a message and where it broke.</summary>
/// <param name="Reason">One of <see cref="ReasonCodes"/>.</param>
/// <param name="Message">User-facing text built from <see cref="AnswerMessages"/>.</param>
/// <param name="Position">Zero-based UTF-16 index into the raw input (see <see cref="AnswerMessages.PositionConvention"/>).</param>
internal sealed record MathError(string Reason, string Message, int? Position);

using MathForML.Math.Evaluation;
using MathForML.Math.Syntax;

namespace MathForML.Math.Judging;

/// <summary>
/// <see cref="AnswerOptions.ExpectInterval"/>: reads a key's pair <c>[a, b]</c> as the closed interval and <c>(a, b)</c>
/// as the open one. Intervals and "none" (the empty interval) stay as they are; anything else cannot be the key.
/// </summary>
internal static class ExpectedInterval
{
    /// <summary>The key value as the options want it read, or null when an interval is expected and the value is not one.</summary>
    public static MathValue? Apply(MathValue value, AnswerOptions options) =>
        !options.ExpectInterval ? value : value switch
        {
            IntervalValue or NoneValue or SetValue { Items.Count: 0 } => value,
            SequenceValue { Kind: not SequenceKind.Bare, Items: [Scalar low, Scalar high] } pair =>
                new IntervalValue(low, high, pair.Kind == SequenceKind.Bracket, pair.Kind == SequenceKind.Bracket),
            _ => null,
        };

    /// <summary>Whether an answer expression is written as an interval, a pair or "none" (for parameterized problems).</summary>
    public static bool IsIntervalShaped(Node root) => root switch
    {
        IntervalNode or NoneNode or SetNode { Items.Count: 0 } => true,
        SequenceNode { Kind: not SequenceKind.Bare, Items.Count: 2 } => true,
        _ => false,
    };

    public static KeyResult Failure() => KeyResult.Failure(ReasonCodes.InvalidOption, AnswerMessages.IntervalAnswerRequired);
}

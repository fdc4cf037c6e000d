namespace MathForML.Math.Judging;

/// <summary>The comparison's result before it becomes a <see cref="Verdict"/>; details fill the reason's message template.</summary>
internal sealed record Judgement(Outcome Outcome, string Reason, double Score, IReadOnlyList<object> Details)
{
    public static readonly Judgement Correct = new(Outcome.Correct, ReasonCodes.Correct, 1, []);
    public static readonly Judgement Incorrect = new(Outcome.Incorrect, ReasonCodes.Incorrect, 0, []);

    public static Judgement Wrong(string reason, params object[] details) => new(Outcome.Incorrect, reason, 0, details);

    public static Judgement Invalid(string reason, params object[] details) => new(Outcome.Invalid, reason, 0, details);

    public bool IsSlip => Outcome == Outcome.Incorrect && Reason != ReasonCodes.Incorrect;

    /// <summary>The message for this judgement; templates only ever receive facts about the member's input and the options.</summary>
    public string Message()
    {
        var template = Reason switch
        {
            ReasonCodes.Correct => AnswerMessages.Correct,
            ReasonCodes.SignError => AnswerMessages.SignError,
            ReasonCodes.OffByPowerOfTen => AnswerMessages.OffByPowerOfTen,
            ReasonCodes.Reciprocal => AnswerMessages.Reciprocal,
            ReasonCodes.TooFewSignificantFigures => AnswerMessages.TooFewSignificantFigures,
            ReasonCodes.TooManySignificantFigures => AnswerMessages.TooManySignificantFigures,
            ReasonCodes.TooFewDecimalPlaces => AnswerMessages.TooFewDecimalPlaces,
            ReasonCodes.TooManyDecimalPlaces => AnswerMessages.TooManyDecimalPlaces,
            ReasonCodes.FractionNotReduced => AnswerMessages.FractionNotReduced,
            ReasonCodes.DegreesInsteadOfRadians => AnswerMessages.DegreesInsteadOfRadians,
            ReasonCodes.RadiansInsteadOfDegrees => AnswerMessages.RadiansInsteadOfDegrees,
            ReasonCodes.TrigArgumentInDegrees => AnswerMessages.TrigArgumentInDegrees,
            ReasonCodes.TrigArgumentInRadians => AnswerMessages.TrigArgumentInRadians,
            ReasonCodes.ExactValueRequired => AnswerMessages.ExactValueRequired,
            ReasonCodes.WrongLength => AnswerMessages.WrongLength,
            ReasonCodes.WrongShape => AnswerMessages.WrongShape,
            ReasonCodes.SomeEntriesIncorrect => AnswerMessages.SomeEntriesIncorrect,
            ReasonCodes.WrongIntervalEnds => AnswerMessages.WrongIntervalEnds,
            ReasonCodes.DecimalNumberRequired => AnswerMessages.DecimalNumberRequired,
            ReasonCodes.WrongKind => Details.Count > 0 ? (string)Details[0] : AnswerMessages.WrongKindNumber,
            _ => AnswerMessages.Incorrect,
        };
        return Reason == ReasonCodes.WrongKind ? template : AnswerMessages.Format(template, [.. Details]);
    }
}

using MathForML.Math.Syntax;

namespace MathForML.Math;

/// <summary>Checks <see cref="AnswerOptions"/> so a problem bank can report a bad option before any member answers.</summary>
internal static class OptionsValidator
{
    private const int MaxPrecision = 15;

    public static KeyResult? Validate(AnswerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Mode == ComparisonMode.Absolute && options.AbsoluteTolerance is null)
        {
            return Missing(options.Mode, nameof(AnswerOptions.AbsoluteTolerance));
        }

        if (options.Mode == ComparisonMode.SignificantFigures && options.SignificantFigures is null)
        {
            return Missing(options.Mode, nameof(AnswerOptions.SignificantFigures));
        }

        if (options.Mode == ComparisonMode.DecimalPlaces && options.DecimalPlaces is null)
        {
            return Missing(options.Mode, nameof(AnswerOptions.DecimalPlaces));
        }

        if (!Enum.IsDefined(options.Mode) || !Enum.IsDefined(options.AngleUnit))
        {
            return OutOfRange(nameof(AnswerOptions.Mode));
        }

        if (!(options.RelativeTolerance >= 0 && options.RelativeTolerance < 1))
        {
            return OutOfRange(nameof(AnswerOptions.RelativeTolerance));
        }

        if (!(options.AbsoluteFloor >= 0) || double.IsInfinity(options.AbsoluteFloor))
        {
            return OutOfRange(nameof(AnswerOptions.AbsoluteFloor));
        }

        if (options.AbsoluteTolerance is { } absolute && !(absolute >= 0 && double.IsFinite(absolute)))
        {
            return OutOfRange(nameof(AnswerOptions.AbsoluteTolerance));
        }

        if (options.SignificantFigures is { } figures && figures is < 1 or > MaxPrecision)
        {
            return OutOfRange(nameof(AnswerOptions.SignificantFigures));
        }

        if (options.DecimalPlaces is { } places && places is < 0 or > MaxPrecision)
        {
            return OutOfRange(nameof(AnswerOptions.DecimalPlaces));
        }

        if (options.Variables is null || options.Variables.Count > MathLimits.MaxParameters
            || options.Variables.Any(name => !IsPlainIdentifier(name)) || options.Variables.Distinct(StringComparer.Ordinal).Count() != options.Variables.Count)
        {
            return OutOfRange(nameof(AnswerOptions.Variables));
        }

        return null;
    }

    /// <summary>Letters then letters, digits or underscores, and not a function, constant or keyword.</summary>
    public static bool IsPlainIdentifier(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 32 && char.IsLetter(name[0])
        && name.All(c => char.IsLetter(c) || char.IsAsciiDigit(c) || c == '_') && !FunctionTable.IsReservedName(name);

    private static KeyResult Missing(ComparisonMode mode, string option) =>
        KeyResult.Failure(ReasonCodes.InvalidOption, AnswerMessages.Format(AnswerMessages.OptionMissing, mode, JsonName(option)));

    private static KeyResult OutOfRange(string option) =>
        KeyResult.Failure(ReasonCodes.InvalidOption, AnswerMessages.Format(AnswerMessages.OptionOutOfRange, JsonName(option)));

    private static string JsonName(string option) => char.ToLowerInvariant(option[0]) + option[1..];
}

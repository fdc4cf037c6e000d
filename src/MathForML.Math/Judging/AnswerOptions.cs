using System.Text.Json.Serialization;

namespace MathForML.Math;

/// <summary>How a member's value is compared with the expected one.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComparisonMode>))]
public enum ComparisonMode
{
    /// <summary>
    /// Exact where both sides are exact and neither was written with decimals; otherwise relative tolerance.
    /// An exactly equal value is always correct (<c>0.5</c> vs <c>1/2</c>).
    /// </summary>
    [JsonStringEnumMemberName("auto")]
    Auto,
    /// <summary>Only an exactly equal value is correct (values with no exact form compare to 1e-12 relative).</summary>
    [JsonStringEnumMemberName("exact")]
    Exact,
    /// <summary>|given − expected| ≤ max(<see cref="AnswerOptions.RelativeTolerance"/>·|expected|, <see cref="AnswerOptions.AbsoluteFloor"/>).</summary>
    [JsonStringEnumMemberName("relative")]
    Relative,
    /// <summary>|given − expected| ≤ <see cref="AnswerOptions.AbsoluteTolerance"/>.</summary>
    [JsonStringEnumMemberName("absolute")]
    Absolute,
    /// <summary>A decimal with exactly <see cref="AnswerOptions.SignificantFigures"/> figures, correctly rounded.</summary>
    [JsonStringEnumMemberName("significantFigures")]
    SignificantFigures,
    /// <summary>A decimal with exactly <see cref="AnswerOptions.DecimalPlaces"/> places, correctly rounded.</summary>
    [JsonStringEnumMemberName("decimalPlaces")]
    DecimalPlaces,
}

/// <summary>The unit trig functions take and <c>°</c> converts to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AngleUnit>))]
public enum AngleUnit
{
    [JsonStringEnumMemberName("radians")]
    Radians,
    [JsonStringEnumMemberName("degrees")]
    Degrees,
}

/// <summary>Per-problem judging options (JSON: camelCase with <c>JsonSerializerDefaults.Web</c>).</summary>
public sealed record AnswerOptions
{
    public static readonly AnswerOptions Default = new();

    /// <summary>Comparison rule for every number (and every entry of a list, set, vector, matrix or interval).</summary>
    public ComparisonMode Mode { get; init; } = ComparisonMode.Auto;

    /// <summary>Relative tolerance for <see cref="ComparisonMode.Relative"/> and for <see cref="ComparisonMode.Auto"/> when it falls back to floats. Default 0.001 (0.1%).</summary>
    public double RelativeTolerance { get; init; } = 0.001;

    /// <summary>Absolute tolerance; required for <see cref="ComparisonMode.Absolute"/>.</summary>
    public double? AbsoluteTolerance { get; init; }

    /// <summary>Near zero, relative tolerance is never tighter than this absolute amount. Default 1e-9.</summary>
    public double AbsoluteFloor { get; init; } = 1e-9;

    /// <summary>Figures required in <see cref="ComparisonMode.SignificantFigures"/> (1 to 15).</summary>
    public int? SignificantFigures { get; init; }

    /// <summary>Places required in <see cref="ComparisonMode.DecimalPlaces"/> (0 to 15).</summary>
    public int? DecimalPlaces { get; init; }

    /// <summary>Whether bare lists and vectors compare in order (true, default) or as multisets.</summary>
    public bool Ordered { get; init; } = true;

    /// <summary>A fraction typed as a/b must be in lowest terms (<c>2/4</c> is then incorrect, with a hint).</summary>
    public bool RequireReduced { get; init; }

    /// <summary>Names members may use as variables; the answer is then compared as a function at sample points.</summary>
    public IReadOnlyList<string> Variables { get; init; } = [];

    /// <summary>Score lists, sets, vectors and matrices per entry (true, default) or all-or-nothing.</summary>
    public bool PartialCredit { get; init; } = true;

    /// <summary>Unit of trig arguments and of <c>°</c> conversion. Default radians.</summary>
    public AngleUnit AngleUnit { get; init; } = AngleUnit.Radians;

    /// <summary>The answer is an angle in <see cref="AngleUnit"/>: enables the degrees-vs-radians slip detector.</summary>
    public bool AnswerIsAngle { get; init; }

    /// <summary>
    /// The answer is an interval: a key written <c>[a, b]</c> is the closed interval and <c>(a, b)</c> the open one, so a
    /// member's <c>(a, b)</c> for a key <c>[a, b]</c> is incorrect (wrong ends). Without it, <c>[a, b]</c> in the key is a
    /// vector and <c>(a, b)</c> the same vector. The key must then be an interval, a pair, or <c>DNE</c> (empty).
    /// </summary>
    public bool ExpectInterval { get; init; }
}

using System.Text.Json.Serialization;

namespace MathForML.Math;

[JsonConverter(typeof(JsonStringEnumConverter<Outcome>))]
public enum Outcome
{
    /// <summary>The answer is right.</summary>
    [JsonStringEnumMemberName("correct")]
    Correct,
    /// <summary>A readable answer that is wrong: counts as an attempt.</summary>
    [JsonStringEnumMemberName("incorrect")]
    Incorrect,
    /// <summary>Unreadable or unusable input (syntax, limits, wrong kind of answer): never counts as an attempt.</summary>
    [JsonStringEnumMemberName("invalid")]
    Invalid,
}

/// <summary>The judgement of one answer. Nothing in it reveals the expected answer.</summary>
public sealed record Verdict
{
    public required Outcome Outcome { get; init; }

    /// <summary>A stable kebab-case code from <see cref="ReasonCodes"/>.</summary>
    public required string Reason { get; init; }

    /// <summary>User-facing explanation, built from <see cref="AnswerMessages"/>.</summary>
    public required string Message { get; init; }

    /// <summary>The normalized reading of the input (e.g. <c>1/(2·x)</c>); null when it could not be read.</summary>
    public string? Reading { get; init; }

    /// <summary>Zero-based index into the input where reading or evaluation broke (see <see cref="AnswerMessages.PositionConvention"/>).</summary>
    public int? Position { get; init; }

    /// <summary>The input had a reading the member may not have meant; <see cref="Message"/> says which was chosen.</summary>
    public bool IsAmbiguous { get; init; }

    /// <summary>Credit from 0 to 1; between 0 and 1 only for partly right lists, sets, vectors, matrices and intervals.</summary>
    public double Score { get; init; }
}

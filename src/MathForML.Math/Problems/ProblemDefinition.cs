using System.Text.Json.Serialization;

namespace MathForML.Math.Problems;

[JsonConverter(typeof(JsonStringEnumConverter<ParameterKind>))]
public enum ParameterKind
{
    /// <summary>Integers <see cref="ParameterDefinition.Min"/>, Min + Step, …, up to <see cref="ParameterDefinition.Max"/>.</summary>
    [JsonStringEnumMemberName("integerRange")]
    IntegerRange,
    /// <summary>Decimals from Min to Max with exactly <see cref="ParameterDefinition.Decimals"/> places, uniformly.</summary>
    [JsonStringEnumMemberName("realRange")]
    RealRange,
    /// <summary>One of <see cref="ParameterDefinition.Choices"/> (each an answer-language expression, e.g. "1/2", "[1, 2]").</summary>
    [JsonStringEnumMemberName("choice")]
    Choice,
}

/// <summary>One parameter of a parameterized problem, as plain data (a YAML or JSON loader can build it directly).</summary>
public sealed record ParameterDefinition
{
    /// <summary>Identifier used in constraints, the answer expression and <c>{{name}}</c> in the statement.</summary>
    public required string Name { get; init; }

    public ParameterKind Kind { get; init; }

    /// <summary>Lowest value of a range (an integer for <see cref="ParameterKind.IntegerRange"/>).</summary>
    public decimal Min { get; init; }

    /// <summary>Highest value of a range (inclusive; an integer range stops at the last step not above it).</summary>
    public decimal Max { get; init; }

    /// <summary>Step of an integer range; a positive integer, default 1.</summary>
    public decimal Step { get; init; } = 1;

    /// <summary>Decimal places of a real range, 0 to <see cref="MathLimits.MaxParameterDecimals"/>.</summary>
    public int Decimals { get; init; }

    /// <summary>The candidate values of a choice parameter, in the answer language.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];
}

/// <summary>A parameterized problem as plain data.</summary>
public sealed record ProblemDefinition
{
    /// <summary>The answer as an expression over the parameters, e.g. "det([[a, b], [c, d]])" or "normalcdf(x, mu, sigma)".</summary>
    public required string Answer { get; init; }

    public IReadOnlyList<ParameterDefinition> Parameters { get; init; } = [];

    /// <summary>Boolean expressions over parameters (<c>a != b</c>, <c>a*d - b*c != 0 and a &gt; 0</c>); a draw must satisfy all.</summary>
    public IReadOnlyList<string> Constraints { get; init; } = [];

    /// <summary>Judging options for the instances' keys.</summary>
    public AnswerOptions Options { get; init; } = AnswerOptions.Default;

    /// <summary>Draws tried before giving up (a draw fails when a constraint is false or the answer is undefined).</summary>
    public int MaxRedraws { get; init; } = MathLimits.DefaultMaxRedraws;
}

/// <summary>Building a <see cref="ParameterizedProblem"/>: the problem, or what is wrong with the definition.</summary>
public sealed record ProblemResult
{
    public ParameterizedProblem? Problem { get; init; }
    public string? Reason { get; init; }
    public string? Message { get; init; }

    /// <summary>Zero-based index into the offending expression, when the failure is in one.</summary>
    public int? Position { get; init; }

    public bool IsSuccess => Problem is not null;
}

/// <summary>One drawn instance: parameter values for the statement and the expected answer.</summary>
public sealed record ProblemInstance
{
    public required ulong Seed { get; init; }

    /// <summary>Parameter values formatted for substitution into the statement text.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>The expected answer in the answer language (round-trips through <see cref="AnswerKey.Create"/>).</summary>
    public required string ExpectedAnswer { get; init; }

    public required AnswerKey Key { get; init; }

    /// <summary>How many draws it took to satisfy the constraints (1 = the first).</summary>
    public required int Draws { get; init; }

    /// <summary>Replaces every <c>{{name}}</c> in a statement with the parameter's formatted value.</summary>
    public string Fill(string statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        foreach (var (name, value) in Parameters)
        {
            statement = statement.Replace("{{" + name + "}}", value, StringComparison.Ordinal);
        }

        return statement;
    }
}

/// <summary>Drawing an instance: the instance, or why no valid draw was found.</summary>
public sealed record InstanceResult
{
    public ProblemInstance? Instance { get; init; }
    public string? Reason { get; init; }
    public string? Message { get; init; }
    public bool IsSuccess => Instance is not null;
}

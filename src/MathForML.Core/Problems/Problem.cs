using MathForML.Math.Problems;

namespace MathForML.Core.Problems;

public enum Difficulty
{
    Easy,
    Medium,
    Hard,
}

/// <summary>A hint; with <see cref="ReleaseAfter"/> it is also posted on its own that long after the problem.</summary>
public sealed record ProblemHint(string Text, TimeSpan? ReleaseAfter);

/// <summary>
/// A problem from the bank (format: config/problems/README.md). Statement, hints and solution are
/// Markdown with <c>$…$</c> math and <c>{{name}}</c> parameter slots; <see cref="Answer"/> draws an
/// instance (parameters and key) for a seed, the same one every time.
/// </summary>
public sealed record Problem
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Topic tags from config/topics.yml; the first decides the area.</summary>
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>Curriculum sections the problem fits, e.g. "mml:4.1".</summary>
    public required IReadOnlyList<SectionRef> Sections { get; init; }

    public required Difficulty Difficulty { get; init; }

    public required string Statement { get; init; }

    /// <summary>How to type the answer, e.g. "a fraction like 3/4"; shown with the problem.</summary>
    public string? AnswerFormat { get; init; }

    public required ParameterizedProblem Answer { get; init; }

    public required IReadOnlyList<ProblemHint> Hints { get; init; }

    public required string Solution { get; init; }

    /// <summary>Where the problem came from, for messages about it ("config/problems/x.yml").</summary>
    public required string Source { get; init; }

    public bool IsParameterized => Answer.Definition.Parameters.Count > 0;
}

/// <summary>A reference to a curriculum section: book id and section number ("mml:4.1").</summary>
public sealed record SectionRef(string BookId, string Section)
{
    public override string ToString() => $"{BookId}:{Section}";

    public static SectionRef? TryParse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < text.Length - 1 ? new SectionRef(text[..colon].Trim(), text[(colon + 1)..].Trim()) : null;
    }
}

/// <summary>The problem bank: the problems that loaded (broken files are skipped and logged) and the bank's LaTeX macros.</summary>
public interface IProblemBank
{
    IReadOnlyList<Problem> Problems { get; }

    /// <summary>Macros every statement, hint and solution may use, e.g. \R → \mathbb{R}.</summary>
    IReadOnlyDictionary<string, string> Macros { get; }

    Problem? Find(string id);
}

using MathForML.Core.Problems;
using MathForML.Core.Reading;
using MathForML.Math.Problems;

namespace MathForML.Core.Tests.Problems;

public sealed class ProblemSelectorTests
{
    private static readonly Book Mml = new("mml", "MML", "A", [new BookSection("4.1", "Determinant and Trace", "4", 99, 105) { Topics = ["determinants"] }]);

    private static readonly Problem[] Bank =
    [
        Make("p-section", ["eigenvalues"], "mml:4.1"),
        Make("p-topic", ["determinants"], "ladr:9C"),
        Make("p-other", ["entropy"], "mml:6.1"),
    ];

    public static TheoryData<string[], bool, string> Cases => new()
    {
        { [], true, "p-section" },
        { ["p-section"], true, "p-topic" },
        { ["p-section", "p-topic"], true, "p-other" },
        { ["p-section", "p-topic", "p-other"], true, "p-section" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Unused_problems_that_fit_the_reading_come_first_and_an_exhausted_bank_starts_over(string[] used, bool reading, string expected)
    {
        var chosen = ProblemSelector.Choose(Bank, used.ToHashSet(), reading ? [(Mml, Mml.Sections[0])] : [], groupId: 7, "2026-11-23");

        Assert.Equal(expected, chosen!.Id);
    }

    [Fact]
    public void Without_reading_the_choice_is_stable_for_an_occurrence_and_varies_between_days()
    {
        var picks = Enumerable.Range(1, 30).Select(d => ProblemSelector.Choose(Bank, new HashSet<string>(), [], 7, $"day-{d}")!.Id).ToList();

        Assert.Equal(picks, Enumerable.Range(1, 30).Select(d => ProblemSelector.Choose(Bank, new HashSet<string>(), [], 7, $"day-{d}")!.Id));
        Assert.True(picks.Distinct().Count() > 1);
    }

    [Fact]
    public void An_empty_bank_gives_no_problem() => Assert.Null(ProblemSelector.Choose([], new HashSet<string>(), [], 1, "d"));

    private static Problem Make(string id, string[] topics, string section) => new()
    {
        Id = id,
        Title = id,
        Topics = topics,
        Sections = [SectionRef.TryParse(section)!],
        Difficulty = Difficulty.Easy,
        Statement = "s",
        Answer = ParameterizedProblem.Create(new ProblemDefinition { Answer = "1" }).Problem!,
        Hints = [new ProblemHint("h", null)],
        Solution = "x",
        Source = id + ".yml",
    };
}

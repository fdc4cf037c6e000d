using MathForML.Content.Problems;
using MathForML.Core.Problems;
using MathForML.Core.Reading;
using static MathForML.Content.ContentMessages;
using static MathForML.Content.Problems.ProblemMessages;

namespace MathForML.Content.Tests.Problems;

public sealed class ProblemParserTests
{
    internal const string Valid = """
        id: la-demo
        title: A demo determinant
        topics: [determinants]
        sections: [demo:1.1]
        difficulty: easy
        statement: |
          Compute the determinant of $\begin{pmatrix} {{a}} & 1 \\ 2 & 3 \end{pmatrix}$.
        answer-format: an integer
        parameters:
          - { name: a, kind: integer, min: 1, max: 9 }
        answer: 3*a - 2
        verify: det([[a, 1], [2, 3]])
        hints:
          - Use $ps - qr$.
          - text: Multiply the diagonals.
            after: 12h
        solution: |
          It is $3\cdot {{a}} - 2$.
        """;

    internal static readonly TopicVocabulary Topics = TopicVocabulary.Parse("linear-algebra:\n  determinants: d\n  matrices: m\n", "topics.yml").Vocabulary;

    internal static readonly IBookCatalog Books = new Catalog(new Book("demo", "Demo", "A", [new BookSection("1.1", "Vectors", "1", 1, 10)]));

    [Fact]
    public void A_valid_file_reads_into_a_problem_with_its_instance_and_key()
    {
        var (parsed, errors) = ProblemParser.Parse(Valid, "config/problems/linear-algebra/la-demo.yml", Topics, Books);

        Assert.Empty(errors);
        var problem = parsed!.Problem;
        Assert.Equal(("la-demo", Difficulty.Easy, "an integer"), (problem.Id, problem.Difficulty, problem.AnswerFormat));
        Assert.Equal([new SectionRef("demo", "1.1")], problem.Sections);
        Assert.Equal([null, TimeSpan.FromHours(12)], problem.Hints.Select(h => h.ReleaseAfter));
        Assert.True(problem.IsParameterized);
        var instance = problem.Answer.Instantiate(7).Instance!;
        Assert.Equal((3 * int.Parse(instance.Parameters["a"], System.Globalization.CultureInfo.InvariantCulture)) - 2, int.Parse(instance.ExpectedAnswer, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(6, parsed.LineOf("statement"));
    }

    public static TheoryData<string, string, int, string> Broken => new()
    {
        { "id: la-demo", "id: LA Demo", 1, Format(BadIdFormat, "LA Demo") },
        { "id: la-demo", "id: la-other", 1, Format(FileNameMismatchFormat, "la-other", "la-demo.yml") },
        { "topics: [determinants]", "topics: [determinant]", 3, Format(UnknownTopicFormat, "determinant", Format(DidYouMeanFormat, "determinants")) },
        { "topics: [determinants]", "topics: []", 3, NoTopics },
        { "sections: [demo:1.1]", "sections: [demo:9.9]", 4, Format(UnknownSectionFormat, "demo:9.9", "DEMO", "9.9") },
        { "sections: [demo:1.1]", "sections: [dem:1.1]", 4, Format(UnknownBookFormat, "dem:1.1", "dem", Format(DidYouMeanFormat, "demo")) },
        { "sections: [demo:1.1]", "sections: [demo]", 4, Format(BadSectionFormat, "demo") },
        { "difficulty: easy", "difficulty: trivial", 5, Format(NotAChoiceFormat, "difficulty", "easy, medium, hard", "trivial") },
        { "difficulty: easy\n", "", 1, Format(MissingKeyFormat, "difficulty") },
        { "answer: 3*a - 2", "answer: 3*a -", 11, Format(AnswerFormat, "") },
        { "verify: det([[a, 1], [2, 3]])", "verify: det([[b, 1], [2, 3]])", 12, Format(VerifyFormat, "") },
        { "kind: integer", "kind: whole", 10, Format(BadParameterKindFormat, "a", "whole") },
        { "after: 12h", "after: 9d", 16, Format(BadDurationFormat, "9d") },
        { "  - Use $ps - qr$.", "  - Note: use $ps - qr$.", 14, HintIsMapping },
        { "It is $3\\cdot {{a}} - 2$.", "It is {{b}}.", 17, Format(UnknownSlotFormat, "solution", "b") },
        { "answer-format: an integer", "answer-fromat: an integer", 8, Format(UnknownKeyFormat, "answer-fromat", "problem", "id, title, topics, sections, difficulty, statement, answer-format, parameters, constraints, answer, options, verify, hints, solution") },
        { "hints:\n  - Use $ps - qr$.\n  - text: Multiply the diagonals.\n    after: 12h\n", "", 1, NoHints },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_file_is_reported_with_its_line_and_yields_no_problem(string find, string replace, int line, string message)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var (parsed, errors) = ProblemParser.Parse(Valid.Replace(find, replace, StringComparison.Ordinal), "config/problems/linear-algebra/la-demo.yml", Topics, Books);

        Assert.Null(parsed);
        var error = Assert.Single(errors, e => e.Message.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal(line, error.Line);
        Assert.Equal("config/problems/linear-algebra/la-demo.yml", error.File);
    }

    [Fact]
    public void Text_that_is_not_yaml_names_the_line()
    {
        var (parsed, errors) = ProblemParser.Parse("id: x\ntitle: [unclosed\n", "x.yml");

        Assert.Null(parsed);
        Assert.StartsWith(Format(NotYamlFormat, ""), Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_texts_are_refused_with_the_limit()
    {
        var statement = new string('x', ProblemParser.MaxStatementLength + 1);
        var (_, errors) = ProblemParser.Parse(Valid.Replace("Compute the determinant", statement, StringComparison.Ordinal), "la-demo.yml", Topics, Books);

        var expected = Format(TooLongFormat, "statement", 0, ProblemParser.MaxStatementLength);
        Assert.Contains(errors, e => e.Message.StartsWith("'statement' is ", StringComparison.Ordinal) && e.Message.EndsWith(expected[expected.IndexOf(';', StringComparison.Ordinal)..], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("30m", 30)]
    [InlineData("6h", 360)]
    [InlineData("1d12h", 2160)]
    [InlineData("7d", 10080)]
    public void Hint_delays_read_as_durations(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), ProblemParser.ParseDelay(text));

    [Theory]
    [InlineData("")]
    [InlineData("0m")]
    [InlineData("8d")]
    [InlineData("6 hours")]
    [InlineData("h")]
    public void Hint_delays_outside_a_minute_to_a_week_are_refused(string text) => Assert.Null(ProblemParser.ParseDelay(text));

    internal sealed class Catalog(params Book[] books) : IBookCatalog
    {
        public IReadOnlyList<Book> Books => books;

        public Book? Find(string id) => books.FirstOrDefault(b => b.Id == id);
    }
}

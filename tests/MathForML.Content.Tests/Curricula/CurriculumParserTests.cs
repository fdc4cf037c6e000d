using MathForML.Content.Curricula;
using MathForML.TestKit;
using static MathForML.Content.ContentMessages;
using static MathForML.Content.Curricula.CurriculumMessages;

namespace MathForML.Content.Tests.Curricula;

public sealed class CurriculumParserTests
{
    private const string Valid = """
        id: demo
        title: A Demo Book
        short: DEMO
        authors: A. Author
        chapters:
          - number: "1"
            title: Basics
            sections:
              - number: "1.1"
                title: Vectors
                pages: 1-10
                topics: [vectors]
              - number: "1.2"
                title: Matrices
                pages: 11-20
          - number: "2"
            title: Lecture notes without pages
            sections:
              - { number: "2.1", title: Gradients }
        """;

    [Fact]
    public void A_valid_file_reads_into_a_book_in_reading_order()
    {
        var (book, errors) = CurriculumParser.Parse(Valid, "demo.yml");

        Assert.Empty(errors);
        Assert.Equal(("demo", "A Demo Book", "DEMO", "A. Author"), (book!.Id, book.Title, book.ShortTitle, book.Authors));
        Assert.Equal(["1.1", "1.2", "2.1"], book.Sections.Select(s => s.Number));
        Assert.Equal((1, 10, "1"), (book.Sections[0].FirstPage!.Value, book.Sections[0].LastPage!.Value, book.Sections[0].Chapter));
        Assert.Equal(["vectors"], book.Sections[0].Topics);
        Assert.Null(book.Sections[2].PageCount);
    }

    public static TheoryData<string, string, int, string> Broken => new()
    {
        { "pages: 1-10", "pages: 10-1", 11, Format(BadPagesFormat, "10-1") },
        { "pages: 11-20", "pages: 3-5", 15, Format(PagesGoBackFormat, "1.2") },
        { "id: demo", "id: Demo Book", 1, Format(BadIdFormat, "Demo Book") },
        { "title: Matrices", "titel: Matrices", 14, Format(UnknownKeyFormat, "titel", "curriculum", "number, title, pages, topics") },
        { "number: \"1.2\"", "number: \"1.1\"", 13, Format(DuplicateSectionFormat, "1.1") },
        { "title: A Demo Book\n", "", 1, Format(MissingKeyFormat, "title") },
        { "topics: [vectors]", "topics: vectors", 12, Format(NotAListFormat, "topics") },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_file_reports_the_line_and_yields_no_book(string replace, string with, int line, string message)
    {
        var (book, errors) = CurriculumParser.Parse(Valid.Replace(replace, with, StringComparison.Ordinal), "config/curricula/demo.yml");

        Assert.Null(book);
        Assert.Contains(new Content.ContentError("config/curricula/demo.yml", line, message), errors);
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_line()
    {
        var (book, errors) = CurriculumParser.Parse("id: demo\ntitle: [unclosed\n", "x.yml");

        Assert.Null(book);
        var error = Assert.Single(errors);
        Assert.StartsWith("is not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_loading_skips_broken_files_and_duplicate_ids_but_keeps_the_rest()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("a.yml"), Valid);
        File.WriteAllText(folder.File("b.yml"), Valid.Replace("title: A Demo Book", "title: Same id again", StringComparison.Ordinal));
        File.WriteAllText(folder.File("c.yaml"), "id: broken\n");
        File.WriteAllText(folder.File("notes.txt"), "ignored");

        var (books, errors) = FileBookCatalog.LoadDirectory(folder.Path);

        Assert.Equal(["A Demo Book"], books.Select(b => b.Title));
        Assert.Contains(errors, e => e.File.EndsWith("b.yml", StringComparison.Ordinal) && e.Message == Format(DuplicateIdFormat, "demo", "A Demo Book"));
        Assert.Contains(errors, e => e.File.EndsWith("c.yaml", StringComparison.Ordinal) && e.Message == Format(MissingKeyFormat, "title"));
    }

    [Fact]
    public void A_missing_directory_is_an_empty_catalogue()
    {
        var (books, errors) = FileBookCatalog.LoadDirectory("/nonexistent/curricula");

        Assert.Empty(books);
        Assert.Empty(errors);
    }
}

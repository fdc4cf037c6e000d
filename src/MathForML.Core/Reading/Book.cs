namespace MathForML.Core.Reading;

/// <summary>A book (or lecture-note series) from the curriculum catalogue, in reading order.</summary>
public sealed record Book(string Id, string Title, string Authors, IReadOnlyList<BookSection> Sections)
{
    /// <summary>Short form used in posts, e.g. "MML".</summary>
    public string ShortTitle { get; init; } = Id.ToUpperInvariant();

    public BookSection? FindSection(string number) =>
        Sections.FirstOrDefault(s => string.Equals(s.Number, number, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A section; pages are known for most books and absent for lecture notes.</summary>
public sealed record BookSection(string Number, string Title, string Chapter, int? FirstPage, int? LastPage)
{
    public IReadOnlyList<string> Topics { get; init; } = [];

    public int? PageCount => FirstPage is { } first && LastPage is { } last ? last - first + 1 : null;
}

/// <summary>The catalogue of books a group can read (loaded from config/curricula).</summary>
public interface IBookCatalog
{
    IReadOnlyList<Book> Books { get; }

    Book? Find(string id);
}

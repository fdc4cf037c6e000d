using MathForML.Core.Reading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static MathForML.Content.ContentMessages;
using static MathForML.Content.Curricula.CurriculumMessages;

namespace MathForML.Content.Curricula;

/// <summary>The books in the curricula folder, read once at start-up. A broken file is logged and skipped.</summary>
public sealed partial class FileBookCatalog : IBookCatalog
{
    private readonly Dictionary<string, Book> _books;

    public FileBookCatalog(IOptions<ContentOptions> options, ILogger<FileBookCatalog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (books, errors) = LoadDirectory(options.Value.CurriculaDirectory);
        foreach (var error in errors)
        {
            LogSkipped(logger, error.File, error.Line, error.Message);
        }

        _books = books.ToDictionary(b => b.Id, StringComparer.OrdinalIgnoreCase);
        Books = [.. books.OrderBy(b => b.Id, StringComparer.Ordinal)];
    }

    public IReadOnlyList<Book> Books { get; }

    public Book? Find(string id) => _books.GetValueOrDefault(id.Trim());

    /// <summary>Every *.yml / *.yaml file in the folder; the folder may be missing (no books).</summary>
    public static (IReadOnlyList<Book> Books, IReadOnlyList<ContentError> Errors) LoadDirectory(string directory)
    {
        var books = new List<Book>();
        var errors = new List<ContentError>();
        if (!Directory.Exists(directory))
        {
            return (books, errors);
        }

        var files = Directory.EnumerateFiles(directory, "*.yml").Concat(Directory.EnumerateFiles(directory, "*.yaml")).Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
            if (new FileInfo(path).Length > CurriculumParser.MaxFileBytes)
            {
                errors.Add(new ContentError(display, 1, Format(TooLargeFormat, CurriculumParser.MaxFileBytes / 1024)));
                continue;
            }

            var (book, fileErrors) = CurriculumParser.Parse(File.ReadAllText(path), display);
            errors.AddRange(fileErrors);
            if (book is null)
            {
                continue;
            }

            if (books.FirstOrDefault(b => b.Id == book.Id) is { } clash)
            {
                errors.Add(new ContentError(display, 1, Format(DuplicateIdFormat, book.Id, clash.Title)));
                continue;
            }

            books.Add(book);
        }

        return (books, errors);
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "Skipped curriculum {File}:{Line}: {Problem}")]
    private static partial void LogSkipped(ILogger logger, string file, int line, string problem);
}

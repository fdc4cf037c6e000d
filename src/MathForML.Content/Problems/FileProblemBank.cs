using MathForML.Core.Problems;
using MathForML.Core.Reading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MathForML.Content.Problems;

/// <summary>The problem bank from config/problems, read once at start-up. A broken file is logged and skipped.</summary>
public sealed partial class FileProblemBank : IProblemBank
{
    private readonly Dictionary<string, Problem> _byId;

    public FileProblemBank(IOptions<ContentOptions> options, IBookCatalog books, ILogger<FileProblemBank> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (topics, topicErrors) = TopicVocabulary.Load(options.Value.TopicsFile);
        var bank = ProblemBankLoader.Load(options.Value.ProblemsDirectory, topics, books);
        foreach (var error in topicErrors.Concat(bank.Errors))
        {
            LogSkipped(logger, error.File, error.Line, error.Message);
        }

        Problems = [.. bank.Problems.Select(p => p.Problem)];
        Macros = bank.Macros;
        _byId = Problems.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        var skippedFiles = bank.Errors.Select(e => e.File).Distinct(StringComparer.Ordinal).Count();
        LogLoaded(logger, Problems.Count, skippedFiles);
    }

    public IReadOnlyList<Problem> Problems { get; }

    public IReadOnlyDictionary<string, string> Macros { get; }

    public Problem? Find(string id) => _byId.GetValueOrDefault(id.Trim());

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Skipped problem file {File}:{Line}: {Problem}")]
    private static partial void LogSkipped(ILogger logger, string file, int line, string problem);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Loaded {Count} problems ({Skipped} files skipped)")]
    private static partial void LogLoaded(ILogger logger, int count, int skipped);
}

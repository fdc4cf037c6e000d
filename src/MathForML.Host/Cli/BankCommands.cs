using System.Globalization;
using MathForML.Content;
using MathForML.Content.Curricula;
using MathForML.Content.Problems;
using MathForML.Core.Formulas;
using MathForML.Core.Problems;
using MathForML.Core.Reading;
using MathForML.Host.Hosting;
using MathForML.Rendering;

namespace MathForML.Host.Cli;

/// <summary>
/// <c>validate-bank</c>: every check a problem must pass, over the whole bank, with file:line errors and
/// a summary by area, topic and difficulty. <c>preview</c>: one problem file's texts as PNGs for a seed.
/// </summary>
internal static class BankCommands
{
    public const string UnknownOptionFormat = "{0} does not know the option '{1}'. Options: {2}.";
    public const string MissingValueFormat = "{0} option '{1}' needs a value.";
    public const string BadSeedsFormat = "--seeds must be a whole number from 1 to {0}, not '{1}'.";
    public const string BadSeedFormat = "--seed must be a whole number from 1 to 2^64-1, not '{0}'.";
    public const string PreviewUsage = "preview needs a problem file and an output folder, e.g. mathforml preview config/problems/linear-algebra/la-det-2x2.yml -o previews";
    public const string SummaryFormat = "{0} problems ({1} parameterized) in {2} files; {3} errors.";
    public const string PreviewWroteFormat = "wrote {0} (seed {1}); expected answer: {2}";
    public const int MaxSeeds = 10_000;

    private const string ValidateOptions = "--seeds N, --curricula DIR, --topics FILE";
    private const string PreviewOptions = "-o DIR, --seed N, --theme light|dark, --curricula DIR, --topics FILE";

    public static async Task<int> ValidateAsync(string[] args, CliIo io)
    {
        var options = CommandOptions.Parse("validate-bank", args, ValidateOptions, ["--seeds", "--curricula", "--topics"]);
        if (options.Error is not null || options.Positional.Count > 1)
        {
            await io.Error.WriteLineAsync(options.Error ?? string.Format(CultureInfo.InvariantCulture, UnknownOptionFormat, "validate-bank", options.Positional[1], ValidateOptions));
            return ExitCodes.Usage;
        }

        var seeds = BankValidator.DefaultSeeds;
        if (options.Values.TryGetValue("--seeds", out var seedText) && (!int.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out seeds) || seeds is < 1 or > MaxSeeds))
        {
            await io.Error.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, BadSeedsFormat, MaxSeeds, seedText));
            return ExitCodes.Usage;
        }

        var content = Content(io, options, options.Positional.Count == 1 ? options.Positional[0] : null);
        var report = new BankReport();
        report.Errors.AddRange(content.Errors);
        var validator = new BankValidator(new RenderingFormulaRenderer(new MathRenderer()));

        // Problems are independent (the renderer and judge are thread-safe); results keep the bank's order.
        var results = new IReadOnlyList<ContentError>[content.Bank.Problems.Count];
        Parallel.For(0, results.Length, i => results[i] = validator.Validate(content.Bank.Problems[i], content.Bank.Macros, seeds));
        for (var i = 0; i < results.Length; i++)
        {
            report.Errors.AddRange(results[i]);
            report.Count(content.Bank.Problems[i].Problem, content.Topics);
        }

        foreach (var error in report.Errors)
        {
            await io.Out.WriteLineAsync(error.ToString());
        }

        await io.Out.WriteLineAsync(report.Describe(content.Files));
        return report.Errors.Count == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    public static async Task<int> PreviewAsync(string[] args, CliIo io)
    {
        var options = CommandOptions.Parse("preview", args, PreviewOptions, ["-o", "--seed", "--theme", "--curricula", "--topics"]);
        if (options.Error is not null || options.Positional.Count != 1 || !options.Values.TryGetValue("-o", out var output))
        {
            await io.Error.WriteLineAsync(options.Error ?? PreviewUsage);
            return ExitCodes.Usage;
        }

        ulong seed = 1;
        if (options.Values.TryGetValue("--seed", out var seedText) && (!ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out seed) || seed == 0))
        {
            await io.Error.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, BadSeedFormat, seedText));
            return ExitCodes.Usage;
        }

        var theme = options.Values.GetValueOrDefault("--theme", "light") switch
        {
            "light" => FormulaTheme.Light,
            "dark" => FormulaTheme.Dark,
            var other => (FormulaTheme?)null,
        };
        if (theme is null)
        {
            await io.Error.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, RenderCommand.BadThemeFormat, options.Values["--theme"]));
            return ExitCodes.Usage;
        }

        var file = Path.Combine(io.WorkingDirectory, options.Positional[0]);
        var content = Content(io, options, ProblemBankLoader.FolderWithMacros(file));
        var (parsed, errors) = File.Exists(file)
            ? ProblemParser.Parse(await File.ReadAllTextAsync(file), options.Positional[0], content.Topics, content.Books)
            : (null, [new ContentError(options.Positional[0], 1, ContentMessages.MissingFile)]);
        foreach (var error in errors)
        {
            await io.Error.WriteLineAsync(error.ToString());
        }

        if (parsed?.Problem.Answer.Instantiate(seed).Instance is not { } instance)
        {
            return ExitCodes.Failure;
        }

        var renderer = new RenderingFormulaRenderer(new MathRenderer());
        var directory = Path.Combine(io.WorkingDirectory, output);
        Directory.CreateDirectory(directory);
        var problem = parsed.Problem;
        var texts = new List<(string Name, string Text)> { ("statement", problem.Statement), ("solution", problem.Solution) };
        texts.AddRange(problem.Hints.Select((h, i) => ($"hint-{i + 1}", h.Text)));
        var failed = false;
        foreach (var (name, text) in texts)
        {
            var result = renderer.RenderDocument(instance.Fill(text), theme.Value, content.Bank.Macros);
            if (result.Image is { } image)
            {
                var path = Path.Combine(directory, $"{problem.Id}.{name}.png");
                await File.WriteAllBytesAsync(path, image.Png);
                await io.Out.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, PreviewWroteFormat, Path.GetRelativePath(io.WorkingDirectory, path), seed, instance.ExpectedAnswer));
            }
            else
            {
                failed = true;
                await io.Error.WriteLineAsync($"{name}: {result.Error}");
            }
        }

        return failed ? ExitCodes.Failure : ExitCodes.Ok;
    }

    private static LoadedContent Content(CliIo io, CommandOptions options, string? bankDirectory)
    {
        var defaults = new ContentOptions();
        string Resolve(string? path, string fallback) => Path.Combine(io.WorkingDirectory, path ?? fallback);
        var (topics, topicErrors) = TopicVocabulary.Load(Resolve(options.Values.GetValueOrDefault("--topics"), defaults.TopicsFile));
        var (books, bookErrors) = FileBookCatalog.LoadDirectory(Resolve(options.Values.GetValueOrDefault("--curricula"), defaults.CurriculaDirectory));
        var catalog = new StaticBookCatalog(books);
        var bankPath = Resolve(bankDirectory, defaults.ProblemsDirectory);
        var bank = ProblemBankLoader.Load(bankPath, topics, catalog);
        var errors = topicErrors.Concat(bookErrors).Concat(CurriculumTopicErrors(books, topics)).Concat(bank.Errors).ToList();
        var files = Directory.Exists(bankPath) ? Directory.EnumerateFiles(bankPath, "*.yml", SearchOption.AllDirectories).Count(f => Path.GetFileName(f) != ProblemBankLoader.MacrosFileName) : 0;
        return new LoadedContent(topics, catalog, bank, errors, files);
    }

    /// <summary>Curricula tag sections with the same vocabulary; an unknown tag would never match a problem.</summary>
    private static IEnumerable<ContentError> CurriculumTopicErrors(IReadOnlyList<Book> books, TopicVocabulary topics) =>
        from book in books
        from section in book.Sections
        from tag in section.Topics
        where !topics.Contains(tag)
        select new ContentError($"curriculum {book.Id}", 1, $"section {section.Number}: " + string.Format(CultureInfo.InvariantCulture, ProblemMessages.UnknownTopicFormat, tag, topics.Suggest(tag)));

    private sealed record LoadedContent(TopicVocabulary Topics, IBookCatalog Books, LoadedBank Bank, List<ContentError> Errors, int Files);

    private sealed class StaticBookCatalog(IReadOnlyList<Book> books) : IBookCatalog
    {
        public IReadOnlyList<Book> Books => books;

        public Book? Find(string id) => books.FirstOrDefault(b => string.Equals(b.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Counts for the summary, so the team sees the spread of the bank at a glance.</summary>
    private sealed class BankReport
    {
        private readonly SortedDictionary<string, int> _areas = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, int> _topics = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, int> _difficulties = new(StringComparer.Ordinal);
        private int _problems;
        private int _parameterized;

        public List<ContentError> Errors { get; } = [];

        public void Count(Problem problem, TopicVocabulary topics)
        {
            _problems++;
            _parameterized += problem.IsParameterized ? 1 : 0;
            Increment(_areas, topics.AreaOf(problem.Topics[0]) ?? "?");
            Increment(_difficulties, problem.Difficulty.ToString().ToLowerInvariant());
            foreach (var topic in problem.Topics)
            {
                Increment(_topics, topic);
            }
        }

        public string Describe(int files) => string.Join(
            Environment.NewLine,
            "areas: " + Join(_areas),
            "difficulty: " + Join(_difficulties),
            "topics: " + Join(_topics),
            string.Format(CultureInfo.InvariantCulture, SummaryFormat, _problems, _parameterized, files, Errors.Count));

        private static void Increment(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

        private static string Join(SortedDictionary<string, int> counts) =>
            counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using MathForML.Core.Problems;
using MathForML.Core.Reading;
using MathForML.Core.Text;
using MathForML.Math;
using MathForML.Math.Problems;
using YamlDotNet.RepresentationModel;
using static MathForML.Content.ContentMessages;
using static MathForML.Content.Problems.ProblemMessages;

namespace MathForML.Content.Problems;

/// <summary>A problem as read from its file, with what only validation needs: the verify computation and key lines.</summary>
public sealed record ParsedProblem(Problem Problem, ParameterizedProblem Verify, IReadOnlyDictionary<string, int> Lines)
{
    public int LineOf(string key) => Lines.GetValueOrDefault(key, 1);
}

/// <summary>
/// Reads one problem file (format: config/problems/README.md). Every mistake is reported with its line;
/// a file with any error yields no problem, so a half-read problem never reaches a group.
/// </summary>
public static partial class ProblemParser
{
    public const int MaxFileBytes = 64 * 1024;
    public const int MaxTitleLength = 120;
    public const int MaxStatementLength = 4000;
    public const int MaxHintLength = 2000;
    public const int MaxSolutionLength = 8000;
    public const int MaxHints = 5;
    public static readonly TimeSpan MaxHintDelay = TimeSpan.FromDays(7);

    private static readonly string[] Keys =
        ["id", "title", "topics", "sections", "difficulty", "statement", "answer-format", "parameters", "constraints", "answer", "options", "verify", "hints", "solution"];

    private static readonly string[] ParameterKeys = ["name", "kind", "min", "max", "step", "decimals", "choices"];
    private static readonly string[] HintKeys = ["text", "after"];
    private static readonly string[] OptionKeys =
        ["mode", "relative-tolerance", "absolute-tolerance", "absolute-floor", "significant-figures", "decimal-places", "ordered", "require-reduced", "variables", "partial-credit", "angle-unit", "answer-is-angle", "expect-interval"];

    private static readonly Dictionary<string, Difficulty> Difficulties = new(StringComparer.Ordinal)
    {
        ["easy"] = Difficulty.Easy, ["medium"] = Difficulty.Medium, ["hard"] = Difficulty.Hard,
    };

    private static readonly Dictionary<string, ParameterKind> Kinds = new(StringComparer.Ordinal)
    {
        ["integer"] = ParameterKind.IntegerRange, ["real"] = ParameterKind.RealRange, ["choice"] = ParameterKind.Choice,
    };

    private static readonly Dictionary<string, ComparisonMode> Modes = new(StringComparer.Ordinal)
    {
        ["auto"] = ComparisonMode.Auto, ["exact"] = ComparisonMode.Exact, ["relative"] = ComparisonMode.Relative,
        ["absolute"] = ComparisonMode.Absolute, ["significant-figures"] = ComparisonMode.SignificantFigures, ["decimal-places"] = ComparisonMode.DecimalPlaces,
    };

    private static readonly Dictionary<string, bool> Booleans = new(StringComparer.Ordinal) { ["true"] = true, ["false"] = false };

    private static readonly Dictionary<string, AngleUnit> AngleUnits = new(StringComparer.Ordinal)
    {
        ["radians"] = AngleUnit.Radians, ["degrees"] = AngleUnit.Degrees,
    };

    /// <summary>Parses one file. <paramref name="topics"/> and <paramref name="books"/> check the references when given.</summary>
    public static (ParsedProblem? Problem, IReadOnlyList<ContentError> Errors) Parse(string yaml, string file, TopicVocabulary? topics = null, IBookCatalog? books = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(file);
        var errors = new List<ContentError>();
        if (YamlFields.LoadRoot(yaml, file, errors) is not { } root)
        {
            return (null, errors);
        }

        var fields = new YamlFields(file, "problem", errors);
        fields.CheckKeys(root, Keys);
        var id = fields.Required(root, "id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            fields.Error(root, "id", Format(BadIdFormat, id));
        }
        else if (id is not null && Path.GetFileNameWithoutExtension(file) is var name && name != id && Path.GetExtension(file) is ".yml" or ".yaml")
        {
            fields.Error(root, "id", Format(FileNameMismatchFormat, id, Path.GetFileName(file)));
        }

        var title = Text(fields, root, "title", MaxTitleLength);
        var topicTags = fields.Strings(root, "topics");
        CheckTopics(fields, root, topicTags, topics);
        var sections = ReadSections(fields, root, books);
        var difficulty = fields.Choice(root, "difficulty", Difficulties);
        if (difficulty is null && YamlFields.Child(root, "difficulty") is null)
        {
            fields.Error(root, Format(MissingKeyFormat, "difficulty"));
        }

        var statement = Text(fields, root, "statement", MaxStatementLength);
        var solution = Text(fields, root, "solution", MaxSolutionLength);
        var hints = ReadHints(fields, root);
        var parameters = ReadParameters(fields, root);
        var options = ReadOptions(fields, root);
        var constraints = fields.Strings(root, "constraints");
        var answer = Build(fields, root, "answer", AnswerFormat, parameters, constraints, options);
        var verify = Build(fields, root, "verify", VerifyFormat, parameters, constraints, options);
        CheckSlots(fields, root, parameters, statement, hints, solution);

        if (errors.Count > 0 || id is null || title is null || statement is null || solution is null || answer is null || verify is null || difficulty is null)
        {
            return (null, errors);
        }

        var problem = new Problem
        {
            Id = id,
            Title = title,
            Topics = topicTags,
            Sections = sections,
            Difficulty = difficulty.Value,
            Statement = statement,
            AnswerFormat = fields.Optional(root, "answer-format"),
            Answer = answer,
            Hints = hints,
            Solution = solution,
            Source = file,
        };
        var lines = root.Children.ToDictionary(k => ((YamlScalarNode)k.Key).Value ?? "", k => YamlFields.LineOf(k.Value), StringComparer.Ordinal);
        return (new ParsedProblem(problem, verify, lines), errors);
    }

    private static string? Text(YamlFields fields, YamlMappingNode root, string key, int limit)
    {
        var text = fields.Required(root, key);
        if (text is not null && text.Length > limit)
        {
            fields.Error(root, key, Format(TooLongFormat, key, text.Length, limit));
        }

        return text;
    }

    private static void CheckTopics(YamlFields fields, YamlMappingNode root, IReadOnlyList<string> tags, TopicVocabulary? topics)
    {
        if (tags.Count == 0)
        {
            fields.Error(root, "topics", NoTopics);
        }

        foreach (var tag in tags.Where(t => topics is not null && !topics.Contains(t)))
        {
            fields.Error(root, "topics", Format(UnknownTopicFormat, tag, topics!.Suggest(tag)));
        }
    }

    private static List<SectionRef> ReadSections(YamlFields fields, YamlMappingNode root, IBookCatalog? books)
    {
        var sections = new List<SectionRef>();
        foreach (var text in fields.Strings(root, "sections"))
        {
            if (SectionRef.TryParse(text) is not { } reference)
            {
                fields.Error(root, "sections", Format(BadSectionFormat, text));
                continue;
            }

            if (books?.Find(reference.BookId) is { } book)
            {
                if (book.FindSection(reference.Section) is null)
                {
                    fields.Error(root, "sections", Format(UnknownSectionFormat, text, book.ShortTitle, reference.Section));
                }
            }
            else if (books is not null)
            {
                var near = EditDistance.Closest(reference.BookId, books.Books.Select(b => b.Id));
                fields.Error(root, "sections", Format(UnknownBookFormat, text, reference.BookId, near is null ? "" : Format(DidYouMeanFormat, near)));
            }

            sections.Add(reference);
        }

        if (sections.Count == 0 && YamlFields.Child(root, "sections") is not YamlSequenceNode { Children.Count: > 0 })
        {
            fields.Error(root, "sections", NoSections);
        }

        return sections;
    }

    private static List<ProblemHint> ReadHints(YamlFields fields, YamlMappingNode root)
    {
        var hints = new List<ProblemHint>();
        if (YamlFields.Child(root, "hints") is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            if (YamlFields.Child(root, "hints") is { } notAList and not YamlSequenceNode)
            {
                fields.Error(notAList, Format(NotAListFormat, "hints"));
            }
            else
            {
                fields.Error(root, "hints", NoHints);
            }

            return hints;
        }

        if (sequence.Children.Count > MaxHints)
        {
            fields.Error(sequence, Format(TooManyFormat, "hints", sequence.Children.Count, MaxHints));
        }

        foreach (var item in sequence.Children)
        {
            string? text;
            TimeSpan? after = null;
            if (item is YamlScalarNode scalar)
            {
                text = scalar.Value?.Trim();
            }
            else if (item is YamlMappingNode oneEntry && !oneEntry.Children.Keys.OfType<YamlScalarNode>().Any(k => HintKeys.Contains(k.Value)))
            {
                // "- Note: …" is a one-entry mapping in YAML, not the text the author meant.
                fields.Error(item, HintIsMapping);
                continue;
            }
            else if (item is YamlMappingNode mapping)
            {
                fields.CheckKeys(mapping, HintKeys);
                text = fields.Required(mapping, "text");
                if (fields.Optional(mapping, "after") is { } delay)
                {
                    after = ParseDelay(delay);
                    if (after is null)
                    {
                        fields.Error(mapping, "after", Format(BadDurationFormat, delay));
                    }
                }
            }
            else
            {
                fields.Error(item, Format(NotAMappingFormat, "hints entry"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                fields.Error(item, Format(MissingKeyFormat, "text"));
                continue;
            }

            if (text.Length > MaxHintLength)
            {
                fields.Error(item, Format(TooLongFormat, "hint", text.Length, MaxHintLength));
            }

            hints.Add(new ProblemHint(text, after));
        }

        return hints;
    }

    /// <summary>"30m", "6h", "1d" (or combinations like "1d12h") between a minute and <see cref="MaxHintDelay"/>.</summary>
    internal static TimeSpan? ParseDelay(string text)
    {
        var match = DelayPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        static int Part(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
        var delay = new TimeSpan(Part(match.Groups["d"]), Part(match.Groups["h"]), Part(match.Groups["m"]), 0);
        return delay >= TimeSpan.FromMinutes(1) && delay <= MaxHintDelay ? delay : null;
    }

    private static List<ParameterDefinition> ReadParameters(YamlFields fields, YamlMappingNode root)
    {
        var parameters = new List<ParameterDefinition>();
        foreach (var item in fields.List(root, "parameters", required: false))
        {
            fields.CheckKeys(item, ParameterKeys);
            var name = fields.Required(item, "name");
            var kindText = fields.Required(item, "kind");
            if (name is null || kindText is null)
            {
                continue;
            }

            if (!Kinds.TryGetValue(kindText, out var kind))
            {
                fields.Error(item, "kind", Format(BadParameterKindFormat, name, kindText));
                continue;
            }

            parameters.Add(new ParameterDefinition
            {
                Name = name,
                Kind = kind,
                Min = fields.Number(item, "min") ?? 0,
                Max = fields.Number(item, "max") ?? 0,
                Step = fields.Number(item, "step") ?? 1,
                Decimals = (int)(fields.Number(item, "decimals") ?? 0),
                Choices = fields.Strings(item, "choices"),
            });
        }

        return parameters;
    }

    private static AnswerOptions ReadOptions(YamlFields fields, YamlMappingNode root)
    {
        if (YamlFields.Child(root, "options") is not { } node)
        {
            return AnswerOptions.Default;
        }

        if (node is not YamlMappingNode map)
        {
            fields.Error(node, Format(NotAMappingFormat, "options"));
            return AnswerOptions.Default;
        }

        fields.CheckKeys(map, OptionKeys);
        var defaults = AnswerOptions.Default;
        return new AnswerOptions
        {
            Mode = fields.Choice(map, "mode", Modes) ?? defaults.Mode,
            RelativeTolerance = (double?)fields.Number(map, "relative-tolerance") ?? defaults.RelativeTolerance,
            AbsoluteTolerance = (double?)fields.Number(map, "absolute-tolerance"),
            AbsoluteFloor = (double?)fields.Number(map, "absolute-floor") ?? defaults.AbsoluteFloor,
            SignificantFigures = (int?)fields.Number(map, "significant-figures"),
            DecimalPlaces = (int?)fields.Number(map, "decimal-places"),
            Ordered = fields.Choice(map, "ordered", Booleans) ?? defaults.Ordered,
            RequireReduced = fields.Choice(map, "require-reduced", Booleans) ?? defaults.RequireReduced,
            Variables = fields.Strings(map, "variables"),
            PartialCredit = fields.Choice(map, "partial-credit", Booleans) ?? defaults.PartialCredit,
            AngleUnit = fields.Choice(map, "angle-unit", AngleUnits) ?? defaults.AngleUnit,
            AnswerIsAngle = fields.Choice(map, "answer-is-angle", Booleans) ?? defaults.AnswerIsAngle,
            ExpectInterval = fields.Choice(map, "expect-interval", Booleans) ?? defaults.ExpectInterval,
        };
    }

    private static ParameterizedProblem? Build(YamlFields fields, YamlMappingNode root, string key, string prefix,
        List<ParameterDefinition> parameters, IReadOnlyList<string> constraints, AnswerOptions options)
    {
        var expression = fields.Required(root, key);
        if (expression is null)
        {
            return null;
        }

        var result = ParameterizedProblem.Create(new ProblemDefinition
        {
            Answer = expression,
            Parameters = parameters,
            Constraints = constraints,
            Options = options,
        });
        if (result.Problem is null)
        {
            var message = result.Position is { } position ? Format(AtPositionFormat, result.Message ?? "", position) : result.Message ?? "";
            fields.Error(root, key, Format(prefix, message));
        }

        return result.Problem;
    }

    /// <summary>Every {{slot}} in the texts must be a parameter (a typo would reach members verbatim).</summary>
    private static void CheckSlots(YamlFields fields, YamlMappingNode root, List<ParameterDefinition> parameters, string? statement, List<ProblemHint> hints, string? solution)
    {
        var texts = new List<(string Key, string? Text)> { ("statement", statement), ("solution", solution) };
        texts.AddRange(hints.Select(h => ("hints", (string?)h.Text)));
        foreach (var (key, text) in texts)
        {
            foreach (Match slot in SlotPattern().Matches(text ?? ""))
            {
                if (parameters.All(p => p.Name != slot.Groups[1].Value))
                {
                    fields.Error(root, key, Format(UnknownSlotFormat, key, slot.Groups[1].Value));
                }
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\s*(?:(?<d>\d{1,2})d)?\s*(?:(?<h>\d{1,3})h)?\s*(?:(?<m>\d{1,4})m)?\s*$")]
    private static partial Regex DelayPattern();

    [GeneratedRegex(@"\{\{([^{}]*)\}\}")]
    private static partial Regex SlotPattern();
}

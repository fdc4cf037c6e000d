using MathForML.Core.Text;
using YamlDotNet.RepresentationModel;
using static MathForML.Content.ContentMessages;

namespace MathForML.Content;

/// <summary>The topic vocabulary (config/topics.yml): tags grouped by area, shared by curricula and problems.</summary>
public sealed class TopicVocabulary
{
    private readonly Dictionary<string, string> _areaOf;

    private TopicVocabulary(Dictionary<string, string> areaOf) => _areaOf = areaOf;

    public static TopicVocabulary Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public IReadOnlyCollection<string> Tags => _areaOf.Keys;

    public IEnumerable<string> Areas => _areaOf.Values.Distinct(StringComparer.Ordinal);

    public bool Contains(string tag) => _areaOf.ContainsKey(tag);

    public string? AreaOf(string tag) => _areaOf.GetValueOrDefault(tag);

    /// <summary>" (did you mean 'x'?)" for a near miss, otherwise empty.</summary>
    public string Suggest(string tag) =>
        EditDistance.Closest(tag, _areaOf.Keys) is { } near ? Format(DidYouMeanFormat, near) : "";

    public static (TopicVocabulary Vocabulary, IReadOnlyList<ContentError> Errors) Parse(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var errors = new List<ContentError>();
        var areaOf = new Dictionary<string, string>(StringComparer.Ordinal);
        if (YamlFields.LoadRoot(yaml, file, errors) is { } root)
        {
            foreach (var (areaNode, tags) in root.Children)
            {
                var area = ((YamlScalarNode)areaNode).Value ?? "";
                if (tags is not YamlMappingNode mapping)
                {
                    errors.Add(new ContentError(file, YamlFields.LineOf(tags), Format(NotAMappingFormat, area)));
                    continue;
                }

                foreach (var tag in mapping.Children.Keys.OfType<YamlScalarNode>())
                {
                    if (!areaOf.TryAdd(tag.Value ?? "", area))
                    {
                        errors.Add(new ContentError(file, YamlFields.LineOf(tag), Format(DuplicateTagFormat, tag.Value ?? "", areaOf[tag.Value ?? ""])));
                    }
                }
            }
        }

        return (new TopicVocabulary(areaOf), errors);
    }

    public static (TopicVocabulary Vocabulary, IReadOnlyList<ContentError> Errors) Load(string path) =>
        File.Exists(path)
            ? Parse(File.ReadAllText(path), Path.GetRelativePath(Directory.GetCurrentDirectory(), path))
            : (Empty, [new ContentError(path, 1, MissingFile)]);
}

using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static MathForML.Content.ContentMessages;

namespace MathForML.Content;

/// <summary>
/// Reads fields of a YAML content file and records every problem with the line of the node at fault,
/// so one pass reports all of a file's mistakes.
/// </summary>
internal sealed class YamlFields(string file, string kind, List<ContentError> errors)
{
    public string File => file;

    public IReadOnlyList<ContentError> Errors => errors;

    /// <summary>The document's root mapping, or null with the error recorded.</summary>
    public static YamlMappingNode? LoadRoot(string yaml, string file, List<ContentError> errors)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                errors.Add(new ContentError(file, 1, Format(NotAMappingFormat, "the file")));
                return null;
            }

            return mapping;
        }
        catch (YamlException exception)
        {
            errors.Add(new ContentError(file, int.Max(1, (int)exception.Start.Line), Format(NotYamlFormat, exception.InnerException?.Message ?? exception.Message)));
            return null;
        }
    }

    public static int LineOf(YamlNode node) => int.Max(1, (int)node.Start.Line);

    public void Error(YamlNode node, string message) => errors.Add(new ContentError(file, LineOf(node), message));

    /// <summary>An error on a key's value (or on the mapping when the key is absent).</summary>
    public void Error(YamlMappingNode node, string key, string message) => Error(Child(node, key) ?? node, message);

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public void CheckKeys(YamlMappingNode node, IReadOnlyList<string> allowed)
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!allowed.Contains(key.Value, StringComparer.Ordinal))
            {
                Error(key, Format(UnknownKeyFormat, key.Value ?? "", kind, string.Join(", ", allowed)));
            }
        }
    }

    public string? Required(YamlMappingNode node, string key)
    {
        var value = Optional(node, key);
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(node, Format(MissingKeyFormat, key));
            return null;
        }

        return value;
    }

    /// <summary>A scalar value (trimmed), null when absent; a list or mapping where a value belongs is an error.</summary>
    public string? Optional(YamlMappingNode node, string key)
    {
        switch (Child(node, key))
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return scalar.Value?.Trim();
            case var other:
                Error(other, Format(NotAScalarFormat, key));
                return null;
        }
    }

    public List<YamlMappingNode> List(YamlMappingNode node, string key, bool required)
    {
        if (Child(node, key) is not { } value)
        {
            if (required)
            {
                Error(node, Format(MissingKeyFormat, key));
            }

            return [];
        }

        if (value is not YamlSequenceNode sequence)
        {
            Error(value, Format(NotAListFormat, key));
            return [];
        }

        var items = new List<YamlMappingNode>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode map)
            {
                items.Add(map);
            }
            else
            {
                Error(item, Format(NotAMappingFormat, key + " entry"));
            }
        }

        return items;
    }

    /// <summary>A list of strings (written as a list even when it has one item).</summary>
    public IReadOnlyList<string> Strings(YamlMappingNode node, string key)
    {
        switch (Child(node, key))
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                foreach (var bad in sequence.Children.Where(c => c is not YamlScalarNode))
                {
                    Error(bad, Format(NotAScalarFormat, key + " entry"));
                }

                return [.. sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").Where(s => s.Length > 0)];
            case var other:
                Error(other, Format(NotAListFormat, key));
                return [];
        }
    }

    public decimal? Number(YamlMappingNode node, string key)
    {
        var text = Optional(node, key);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node, key, Format(NotANumberFormat, key, text));
        return null;
    }

    public T? Choice<T>(YamlMappingNode node, string key, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = Optional(node, key);
        if (text is null)
        {
            return null;
        }

        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(node, key, Format(NotAChoiceFormat, key, string.Join(", ", choices.Keys), text));
        return null;
    }
}

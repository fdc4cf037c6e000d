using System.Globalization;
using System.Reflection;
using MathForML.Core.Text;
using Microsoft.Extensions.Configuration;

namespace MathForML.Host.Hosting;

/// <summary>One thing wrong with the configuration: which key, where its value came from, and what is wrong.</summary>
internal sealed record ConfigurationProblem(string Key, string Source, string Problem)
{
    public override string ToString() => $"{Key} (from {Source}): {Problem}";
}

/// <summary>
/// Catches what options binding silently ignores or reports vaguely: misspelt keys and values of
/// the wrong type. Semantic checks (ranges, formats) live in each component's options validator.
/// </summary>
internal static class ConfigurationChecker
{
    public const string UnknownSectionFormat = "is not a setting section MathForML knows; known sections: {0}.";
    public const string UnknownKeyFormat = "is not a setting MathForML knows; settings in {0}: {1}.";
    public const string DidYouMeanFormat = " Did you mean {0}?";
    public const string NotWholeNumberFormat = "'{0}' is not a whole number.";
    public const string NotNumberFormat = "'{0}' is not a number.";
    public const string NotBooleanFormat = "'{0}' is not true or false.";
    public const string NotChoiceFormat = "'{0}' is not one of: {1}.";
    public const string NotTimeFormat = "'{0}' is not a time of day like 09:30.";

    public static IReadOnlyList<ConfigurationProblem> Check(IConfigurationRoot configuration, string workingDirectory)
    {
        var problems = new List<ConfigurationProblem>();
        var known = KnownSettings.TypedSections.Keys.Concat(KnownSettings.OtherSections).Order(StringComparer.Ordinal).ToList();
        foreach (var section in configuration.GetChildren())
        {
            if (KnownSettings.TypedSections.TryGetValue(section.Key, out var optionsType))
            {
                problems.AddRange(CheckSection(configuration, section, optionsType, workingDirectory));
            }
            else if (!KnownSettings.OtherSections.Contains(section.Key))
            {
                var problem = string.Format(CultureInfo.InvariantCulture, UnknownSectionFormat, string.Join(", ", known)) + DidYouMean(section.Key, known);
                problems.Add(new(section.Key, DescribeSection(configuration, section, workingDirectory), problem));
            }
        }

        return problems;
    }

    private static IEnumerable<ConfigurationProblem> CheckSection(IConfigurationRoot configuration, IConfigurationSection section, Type optionsType, string workingDirectory)
    {
        var properties = optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        var names = properties.Select(p => p.Name).ToList();
        foreach (var child in section.GetChildren())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var problem = string.Format(CultureInfo.InvariantCulture, UnknownKeyFormat, section.Key, string.Join(", ", names)) + DidYouMean(child.Key, names);
                yield return new(child.Path, DescribeSection(configuration, child, workingDirectory), problem);
                continue;
            }

            if (child.Value is { } value && ValueProblem(property.PropertyType, value) is { } wrong)
            {
                yield return new(child.Path, ConfigurationSources.Describe(configuration, child.Path, workingDirectory), wrong);
            }
        }
    }

    private static string? ValueProblem(Type type, string value)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var trimmed = value.Trim();
        if (type == typeof(int) || type == typeof(long))
        {
            return long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? null : Format(NotWholeNumberFormat, value);
        }

        if (type == typeof(double))
        {
            return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : Format(NotNumberFormat, value);
        }

        if (type == typeof(bool))
        {
            return bool.TryParse(trimmed, out _) ? null : Format(NotBooleanFormat, value);
        }

        if (type == typeof(TimeOnly))
        {
            return TimeOnly.TryParse(trimmed, CultureInfo.InvariantCulture, out _) ? null : Format(NotTimeFormat, value);
        }

        if (type.IsEnum)
        {
            // Flags enums take a comma-separated combination ("Guilds, GuildMessages").
            var names = Enum.GetNames(type);
            var parts = type.IsDefined(typeof(FlagsAttribute), inherit: false) ? trimmed.Split(',', StringSplitOptions.TrimEntries) : [trimmed];
            return parts.All(p => names.Contains(p, StringComparer.OrdinalIgnoreCase)) ? null : Format(NotChoiceFormat, value, string.Join(", ", names));
        }

        return null;
    }

    /// <summary>A section has no value of its own: name the source of its first leaf.</summary>
    private static string DescribeSection(IConfigurationRoot configuration, IConfigurationSection section, string workingDirectory)
    {
        var leaf = section.Value is not null ? section : section.AsEnumerable().Select(p => configuration.GetSection(p.Key)).FirstOrDefault(s => s.Value is not null);
        return leaf is null ? "configuration" : ConfigurationSources.Describe(configuration, leaf.Path, workingDirectory);
    }

    private static string DidYouMean(string typed, IEnumerable<string> candidates)
    {
        var best = EditDistance.Closest(typed, candidates, maxDistance: 3);
        return best is null ? "" : Format(DidYouMeanFormat, best);
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}

namespace MathForML.Rendering;

/// <summary>Colour scheme of the output image.</summary>
public enum RenderTheme
{
    /// <summary>Dark ink on white.</summary>
    Light,

    /// <summary>Light ink on Discord's dark grey (#313338).</summary>
    Dark,
}

/// <summary>How to render. Equality is by value, so options take part in the cache key.</summary>
public sealed record RenderOptions
{
    /// <summary>Pixels per em at <see cref="Scale"/> 1: a 20 px body size reads well in chat.</summary>
    public const double BaseFontPixels = 20;

    /// <summary>Wrap width of <see cref="MathRenderer.RenderDocument"/> when <see cref="MaxWidthPixels"/> is null.</summary>
    public const int DefaultDocumentWidthPixels = 640;

    public static RenderOptions Default { get; } = new();

    /// <summary>Display style (centred block formula, big operators with limits) instead of inline.</summary>
    public bool Display { get; init; } = true;

    public RenderTheme Theme { get; init; } = RenderTheme.Light;

    /// <summary>Multiplier on <see cref="BaseFontPixels"/>.</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Blank margin around the ink, in pixels.</summary>
    public int Padding { get; init; } = 8;

    /// <summary>Wrap width for documents in pixels (padding included); null means <see cref="DefaultDocumentWidthPixels"/>.</summary>
    public int? MaxWidthPixels { get; init; }

    /// <summary>Macros such as <c>\R</c> → <c>\mathbb{R}</c>; #1..#9 in the body are parameters.</summary>
    public IReadOnlyDictionary<string, string>? Macros { get; init; }

    public bool Equals(RenderOptions? other) =>
        other is not null
        && Display == other.Display
        && Theme == other.Theme
        && Scale.Equals(other.Scale)
        && Padding == other.Padding
        && MaxWidthPixels == other.MaxWidthPixels
        && MacrosEqual(Macros, other.Macros);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Display);
        hash.Add(Theme);
        hash.Add(Scale);
        hash.Add(Padding);
        hash.Add(MaxWidthPixels);
        if (Macros is not null)
        {
            int macros = 0;
            foreach ((string key, string value) in Macros)
            {
                macros ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), StringComparer.Ordinal.GetHashCode(value));
            }

            hash.Add(macros);
        }

        return hash.ToHashCode();
    }

    private static bool MacrosEqual(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.Count != b.Count)
        {
            return (a?.Count ?? 0) == 0 && (b?.Count ?? 0) == 0;
        }

        foreach ((string key, string value) in a)
        {
            if (!b.TryGetValue(key, out string? other) || !string.Equals(value, other, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

namespace MathForML.Rendering;

/// <summary>Every bound the renderer enforces, so hostile or accidental input cannot exhaust the process.</summary>
public static class RenderLimits
{
    /// <summary>Characters in one formula passed to <see cref="MathRenderer.Render"/>.</summary>
    public const int MaxFormulaLength = 4_000;

    /// <summary>Characters in a statement passed to <see cref="MathRenderer.RenderDocument"/>.</summary>
    public const int MaxDocumentLength = 20_000;

    /// <summary>Groups, arguments, environments and \left…\right nested inside each other.</summary>
    public const int MaxNestingDepth = 48;

    /// <summary>Macro expansions in one formula; a self-referencing macro hits this and fails.</summary>
    public const int MaxMacroExpansions = 2_000;

    /// <summary>Tokens produced after macro expansion (guards against exponential growth).</summary>
    public const int MaxExpandedTokens = 40_000;

    /// <summary>Width and height of the output image.</summary>
    public const int MaxImageWidth = 4_096;

    /// <summary>Height of the output image.</summary>
    public const int MaxImageHeight = 4_096;

    /// <summary>Total pixels of the output image.</summary>
    public const int MaxImagePixels = 8_000_000;

    /// <summary>Scale factor range accepted in <see cref="RenderOptions.Scale"/>.</summary>
    public const double MinScale = 0.25;

    /// <summary>Largest accepted scale factor.</summary>
    public const double MaxScale = 8.0;

    /// <summary>Largest accepted padding in pixels.</summary>
    public const int MaxPadding = 256;

    /// <summary>Entries kept in the render cache of one <see cref="MathRenderer"/>.</summary>
    public const int CacheCapacity = 256;

    /// <summary>Largest explicit space (\hspace, \kern) in em, so a formula cannot demand a huge image.</summary>
    public const double MaxExplicitSpaceEm = 100;
}

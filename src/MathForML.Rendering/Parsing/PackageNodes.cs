namespace MathForML.Rendering.Parsing;

internal enum EnclosureKind
{
    /// <summary>actuarialangle's \angl{n}: a rule above and a rule down the right-hand side.</summary>
    ActuarialAngle,

    /// <summary>steinmetz's \phase{…}: a rising stroke on the left and a rule underneath.</summary>
    Phase,
}

/// <summary>A body with lines drawn around part of it (\angl, \phase).</summary>
internal sealed class EnclosureNode(int position, EnclosureKind kind, MathList body) : MathNode(AtomType.Ord, position)
{
    public EnclosureKind Kind { get; } = kind;

    public MathList Body { get; } = body;
}

/// <summary>An amscd vertical arrow (@VVV, @AAA, @|) with optional labels to its left and right.</summary>
internal sealed class CdVerticalArrowNode(int position, string glyph, MathList left, MathList right) : MathNode(AtomType.Ord, position)
{
    /// <summary>The delimiter stretched to the arrow's length (↓, ↑ or ‖).</summary>
    public string Glyph { get; } = glyph;

    public MathList Left { get; } = left;

    public MathList Right { get; } = right;
}

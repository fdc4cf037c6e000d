using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Parsing;

/// <summary>TeX's atom classes, which decide inter-atom spacing.</summary>
internal enum AtomType
{
    Ord,
    Op,
    Bin,
    Rel,
    Open,
    Close,
    Punct,
    Inner,
}

/// <summary>Alphabet requested by \mathbf, \mathbb, …; Default means TeX's math italic for letters.</summary>
internal enum MathVariant
{
    Default,
    Normal,
    Bold,
    Italic,
    BoldItalic,
    DoubleStruck,
    Script,
    BoldScript,
    Fraktur,
    BoldFraktur,
    SansSerif,
    SansSerifBold,
    SansSerifItalic,
    Monospace,
}

internal enum LimitsMode
{
    Default,
    Limits,
    NoLimits,
}

internal enum MathStyle
{
    Display,
    Text,
    Script,
    ScriptScript,
}

/// <summary>A sequence of atoms (a TeX math list).</summary>
internal sealed class MathList
{
    public List<MathNode> Items { get; } = [];

    public bool IsEmpty => Items.Count == 0;

    public MathNode? Last => Items.Count == 0 ? null : Items[^1];

    public void Add(MathNode node) => Items.Add(node);
}

/// <summary>An atom: a nucleus of some kind with optional scripts.</summary>
internal abstract class MathNode
{
    protected MathNode(AtomType type, int position)
    {
        Type = type;
        Position = position;
    }

    public AtomType Type { get; set; }

    public int Position { get; }

    public MathList? Superscript { get; set; }

    public MathList? Subscript { get; set; }

    public LimitsMode Limits { get; set; }
}

internal sealed class SymbolNode(AtomType type, int position, string text, MathVariant variant) : MathNode(type, position)
{
    /// <summary>One Unicode scalar (sometimes a combining sequence such as a negated relation).</summary>
    public string Text { get; } = text;

    public MathVariant Variant { get; } = variant;

    /// <summary>Big operator glyph (\sum, \int): grows in display style.</summary>
    public bool IsLargeOperator { get; init; }

    /// <summary>Slanted by \not: drawn with a solidus overlaid.</summary>
    public bool Negated { get; init; }
}

internal sealed class GroupNode(AtomType type, int position, MathList body) : MathNode(type, position)
{
    public MathList Body { get; } = body;
}

internal sealed class FractionNode(int position, MathList numerator, MathList denominator) : MathNode(AtomType.Inner, position)
{
    public MathList Numerator { get; } = numerator;

    public MathList Denominator { get; } = denominator;

    public bool HasRule { get; init; } = true;

    public string? LeftDelimiter { get; init; }

    public string? RightDelimiter { get; init; }

    public MathStyle? ForcedStyle { get; init; }

    /// <summary>\cfrac: numerator and denominator stay in display style.</summary>
    public bool Continued { get; init; }
}

internal sealed class RadicalNode(int position, MathList body, MathList? index) : MathNode(AtomType.Ord, position)
{
    public MathList Body { get; } = body;

    public MathList? Index { get; } = index;
}

/// <summary>\left … \middle … \right: bodies between consecutive delimiters.</summary>
internal sealed class LeftRightNode(int position, List<string> delimiters, List<MathList> bodies) : MathNode(AtomType.Inner, position)
{
    public List<string> Delimiters { get; } = delimiters;

    public List<MathList> Bodies { get; } = bodies;
}

/// <summary>\big … \Bigg: a delimiter at a fixed size (1..4).</summary>
internal sealed class SizedDelimiterNode(AtomType type, int position, string delimiter, int size) : MathNode(type, position)
{
    public string Delimiter { get; } = delimiter;

    public int Size { get; } = size;
}

/// <summary>Named operator like \lim or \operatorname{…}, typeset upright.</summary>
internal sealed class NamedOperatorNode(int position, MathList name) : MathNode(AtomType.Op, position)
{
    public MathList Name { get; } = name;
}

internal sealed class AccentNode(int position, MathList body, string accent, bool stretchy) : MathNode(AtomType.Ord, position)
{
    public MathList Body { get; } = body;

    public string Accent { get; } = accent;

    public bool Stretchy { get; } = stretchy;

    public bool Under { get; init; }
}

internal enum OverUnderKind
{
    Overline,
    Underline,
    OverBrace,
    UnderBrace,
    OverStretchy,
    UnderStretchy,
    OverSet,
    UnderSet,

    /// <summary>\xrightarrow: an arrow stretched under Body, with Annotation below.</summary>
    ExtensibleArrow,
}

/// <summary>\overline, \overbrace{…}^{…}, \overset{a}{b}, …</summary>
internal sealed class OverUnderNode(int position, OverUnderKind kind, MathList body) : MathNode(AtomType.Ord, position)
{
    public OverUnderKind Kind { get; } = kind;

    public MathList Body { get; } = body;

    /// <summary>The stretchy glyph (brace, arrow) where the kind has one.</summary>
    public string? Glyph { get; init; }

    /// <summary>The text set above/below (\overset's first argument).</summary>
    public MathList? Annotation { get; init; }

    /// <summary>Shortest length of an extensible arrow in em (amscd's arrows are at least 2.5pc).</summary>
    public double MinimumWidth { get; init; }
}

internal sealed class SpaceNode(int position, double widthEm, bool isMu) : MathNode(AtomType.Ord, position)
{
    /// <summary>Width in em, or in mu (1/18 em of the current size) when <see cref="IsMu"/>.</summary>
    public double Width { get; } = widthEm;

    public bool IsMu { get; } = isMu;
}

internal sealed class StyleNode(int position, MathStyle style) : MathNode(AtomType.Ord, position)
{
    public MathStyle Style { get; } = style;
}

internal sealed class ColorNode(int position, Rgba color, MathList body) : MathNode(AtomType.Ord, position)
{
    public Rgba Color { get; } = color;

    public MathList Body { get; } = body;
}

/// <summary>\text{…}: upright text with real spaces, optionally bold/italic.</summary>
internal sealed class TextNode(int position, string text, MathVariant variant) : MathNode(AtomType.Ord, position)
{
    public string Text { get; } = text;

    public MathVariant Variant { get; } = variant;

    /// <summary>\verb: every character (spaces too) sits in a fixed-width typewriter cell.</summary>
    public bool Monospaced { get; init; }
}

/// <summary>
/// \\ or \newline inside a plain group or text. On the formula's outer line it starts a new line;
/// anywhere else it takes no space and does nothing (see LatexParser.LineBreaks).
/// </summary>
internal sealed class LineBreakNode(int position, double extraSpaceEm) : MathNode(AtomType.Ord, position)
{
    /// <summary>Extra space below the line from \\[length], in em.</summary>
    public double ExtraSpace { get; } = extraSpaceEm;
}

internal enum PhantomKind
{
    Full,
    Horizontal,
    Vertical,
}

internal sealed class PhantomNode(int position, MathList body, PhantomKind kind) : MathNode(AtomType.Ord, position)
{
    public MathList Body { get; } = body;

    public PhantomKind Kind { get; } = kind;
}

/// <summary>\boxed{…}: a framed formula.</summary>
internal sealed class BoxedNode(int position, MathList body) : MathNode(AtomType.Ord, position)
{
    public MathList Body { get; } = body;
}

/// <summary>\tiny … \Huge: changes the size factor for the rest of the group.</summary>
internal sealed class SizeNode(int position, double factor) : MathNode(AtomType.Ord, position)
{
    public double Factor { get; } = factor;
}

/// <summary>\rule[raise]{width}{height}: a solid box.</summary>
internal sealed class RuleNode(int position, double width, double height, double raise) : MathNode(AtomType.Ord, position)
{
    public double Width { get; } = width;

    public double Height { get; } = height;

    public double Raise { get; } = raise;
}

internal enum AdjustKind
{
    LapLeft,
    LapRight,
    LapCenter,
    SmashTop,
    SmashBottom,
    SmashBoth,
    Raise,

    /// <summary>\vcenter: centre the body on the math axis.</summary>
    VerticalCenter,
}

/// <summary>\llap/\rlap/\clap, \smash and \raisebox: a body whose measured size is adjusted.</summary>
internal sealed class AdjustNode(int position, AdjustKind kind, MathList body, double amount = 0) : MathNode(AtomType.Ord, position)
{
    public AdjustKind Kind { get; } = kind;

    public MathList Body { get; } = body;

    public double Amount { get; } = amount;
}

/// <summary>\colorbox / \fcolorbox: a body on a coloured background, optionally framed.</summary>
internal sealed class ColorBoxNode(int position, Rgba background, Rgba? frame, MathList body) : MathNode(AtomType.Ord, position)
{
    public Rgba Background { get; } = background;

    public Rgba? Frame { get; } = frame;

    public MathList Body { get; } = body;
}

/// <summary>\mathchoice{D}{T}{S}{SS}: one body per style, chosen at layout time.</summary>
internal sealed class MathChoiceNode(int position, MathList[] choices) : MathNode(AtomType.Ord, position)
{
    public MathList[] Choices { get; } = choices;
}

internal enum CancelKind
{
    /// <summary>\cancel: a stroke rising to the right.</summary>
    Up,

    /// <summary>\bcancel: a stroke falling to the right.</summary>
    Down,

    /// <summary>\xcancel: both strokes.</summary>
    Cross,

    /// <summary>\sout: a horizontal strike through the middle.</summary>
    Strike,
}

internal sealed class CancelNode(int position, CancelKind kind, MathList body) : MathNode(AtomType.Ord, position)
{
    public CancelKind Kind { get; } = kind;

    public MathList Body { get; } = body;
}

namespace MathForML.Rendering.Parsing;

internal enum ColumnAlign
{
    Left,
    Center,
    Right,
}

/// <summary>How an environment spaces and aligns its grid.</summary>
internal enum ArrayKind
{
    /// <summary>matrix family: centred columns, 1em between columns, none outside.</summary>
    Matrix,

    /// <summary>array: columns from the spec, half a column gap on each side.</summary>
    Array,

    /// <summary>aligned/align*/split: right-left column pairs in display style.</summary>
    Aligned,

    /// <summary>gather*: one centred display-style column.</summary>
    Gather,

    /// <summary>cases: left-aligned text-style columns behind a left brace.</summary>
    Cases,

    /// <summary>\substack: tightly stacked centred rows in the current style.</summary>
    Substack,

    /// <summary>amscd's CD: objects and arrows in alternate columns, arrows touching their neighbours.</summary>
    CommutativeDiagram,

    /// <summary>Top-level lines split by \\\\ or \newline: left-aligned rows in the current style.</summary>
    Lines,
}

internal sealed class ArrayNode(int position, ArrayKind kind) : MathNode(AtomType.Ord, position)
{
    public ArrayKind Kind { get; } = kind;

    public List<List<MathList>> Rows { get; } = [];

    /// <summary>Column alignments from an array spec; empty means the kind's default.</summary>
    public List<ColumnAlign> Columns { get; } = [];

    /// <summary>Column indices (0..n) before which a vertical rule is drawn.</summary>
    public HashSet<int> VerticalRules { get; } = [];

    /// <summary>Row indices (0..rows) before which a horizontal rule is drawn.</summary>
    public HashSet<int> HorizontalRules { get; } = [];

    /// <summary>Extra space after a row from \\[len], in em.</summary>
    public Dictionary<int, double> ExtraRowSpace { get; } = [];

    /// <summary>Cell style forced by the environment (smallmatrix and subarray use script style).</summary>
    public MathStyle? CellStyle { get; init; }

    public string? LeftDelimiter { get; init; }

    public string? RightDelimiter { get; init; }

    public int ColumnCount => Rows.Count == 0 ? 0 : Rows.Max(r => r.Count);

    public ColumnAlign AlignOf(int column) => Kind switch
    {
        ArrayKind.Array => column < Columns.Count ? Columns[column] : ColumnAlign.Center,
        ArrayKind.Aligned => column % 2 == 0 ? ColumnAlign.Right : ColumnAlign.Left,
        ArrayKind.Cases or ArrayKind.Lines => ColumnAlign.Left,
        ArrayKind.Matrix when Columns.Count == 1 => Columns[0],
        ArrayKind.Substack when column < Columns.Count => Columns[column],
        _ => ColumnAlign.Center,
    };
}

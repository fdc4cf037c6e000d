namespace MathForML.Rendering.Font;

/// <summary>Path segment kinds of a glyph outline.</summary>
internal enum PathVerb : byte
{
    MoveTo,
    LineTo,
    CubicTo,
}

/// <summary>A glyph outline in font units, y up. Contours are implicitly closed.</summary>
internal sealed class GlyphOutline
{
    public GlyphOutline(PathVerb[] verbs, float[] points, float xMin, float yMin, float xMax, float yMax)
    {
        Verbs = verbs;
        Points = points;
        XMin = xMin;
        YMin = yMin;
        XMax = xMax;
        YMax = yMax;
    }

    public PathVerb[] Verbs { get; }

    /// <summary>x,y pairs: one point per MoveTo/LineTo, three per CubicTo.</summary>
    public float[] Points { get; }

    public float XMin { get; }

    public float YMin { get; }

    public float XMax { get; }

    public float YMax { get; }

    public bool IsEmpty => Verbs.Length == 0;
}

/// <summary>Accumulates path segments and the control-box bounds.</summary>
internal sealed class GlyphOutlineBuilder
{
    private readonly List<PathVerb> _verbs = [];
    private readonly List<float> _points = [];
    private float _xMin = float.MaxValue;
    private float _yMin = float.MaxValue;
    private float _xMax = float.MinValue;
    private float _yMax = float.MinValue;

    public void MoveTo(double x, double y)
    {
        _verbs.Add(PathVerb.MoveTo);
        Add(x, y);
    }

    public void LineTo(double x, double y)
    {
        _verbs.Add(PathVerb.LineTo);
        Add(x, y);
    }

    public void CubicTo(double x1, double y1, double x2, double y2, double x, double y)
    {
        _verbs.Add(PathVerb.CubicTo);
        Add(x1, y1);
        Add(x2, y2);
        Add(x, y);
    }

    public GlyphOutline Build() =>
        _verbs.Count == 0
            ? new GlyphOutline([], [], 0, 0, 0, 0)
            : new GlyphOutline([.. _verbs], [.. _points], _xMin, _yMin, _xMax, _yMax);

    private void Add(double x, double y)
    {
        float fx = (float)x;
        float fy = (float)y;
        _points.Add(fx);
        _points.Add(fy);
        _xMin = float.Min(_xMin, fx);
        _yMin = float.Min(_yMin, fy);
        _xMax = float.Max(_xMax, fx);
        _yMax = float.Max(_yMax, fy);
    }
}

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

/// <summary>
/// Accumulates path segments and the control-box bounds. Plain growable arrays rather than
/// List&lt;float&gt; and List&lt;PathVerb&gt;: those value-type instantiations are JIT-compiled on the
/// first glyph, a measurable part of the first render.
/// </summary>
internal sealed class GlyphOutlineBuilder
{
    private PathVerb[] _verbs = new PathVerb[16];
    private float[] _points = new float[64];
    private int _verbCount;
    private int _pointCount;
    private float _xMin = float.MaxValue;
    private float _yMin = float.MaxValue;
    private float _xMax = float.MinValue;
    private float _yMax = float.MinValue;

    public void MoveTo(double x, double y)
    {
        AddVerb(PathVerb.MoveTo);
        Add(x, y);
    }

    public void LineTo(double x, double y)
    {
        AddVerb(PathVerb.LineTo);
        Add(x, y);
    }

    public void CubicTo(double x1, double y1, double x2, double y2, double x, double y)
    {
        AddVerb(PathVerb.CubicTo);
        Add(x1, y1);
        Add(x2, y2);
        Add(x, y);
    }

    public GlyphOutline Build()
    {
        if (_verbCount == 0)
        {
            return new GlyphOutline([], [], 0, 0, 0, 0);
        }

        var verbs = new PathVerb[_verbCount];
        Array.Copy(_verbs, verbs, _verbCount);
        var points = new float[_pointCount];
        Array.Copy(_points, points, _pointCount);
        return new GlyphOutline(verbs, points, _xMin, _yMin, _xMax, _yMax);
    }

    private void AddVerb(PathVerb verb)
    {
        if (_verbCount == _verbs.Length)
        {
            var bigger = new PathVerb[_verbs.Length * 2];
            Array.Copy(_verbs, bigger, _verbCount);
            _verbs = bigger;
        }

        _verbs[_verbCount++] = verb;
    }

    private void Add(double x, double y)
    {
        if (_pointCount + 2 > _points.Length)
        {
            var bigger = new float[_points.Length * 2];
            Array.Copy(_points, bigger, _pointCount);
            _points = bigger;
        }

        float fx = (float)x;
        float fy = (float)y;
        _points[_pointCount++] = fx;
        _points[_pointCount++] = fy;
        _xMin = float.Min(_xMin, fx);
        _yMin = float.Min(_yMin, fy);
        _xMax = float.Max(_xMax, fx);
        _yMax = float.Max(_yMax, fy);
    }
}

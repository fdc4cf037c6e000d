namespace MathForML.Rendering.Parsing;

/// <summary>TeX's named spaces, in mu (1/18 em) or em.</summary>
internal static class SpaceWidths
{
    public const double ThinMu = 3;
    public const double MediumMu = 4;
    public const double ThickMu = 5;

    /// <summary>Interword space of Latin Modern (3.33pt at 10pt), used for '~' and '\ '.</summary>
    public const double InterWord = 0.333;

    public const double Quad = 1;
    public const double EnSpace = 0.5;
    public const double PointsPerEm = 10;
}

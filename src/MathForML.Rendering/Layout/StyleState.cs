using MathForML.Rendering.Parsing;

namespace MathForML.Rendering.Layout;

/// <summary>TeX's current style with cramping, and the style transitions of Appendix G.</summary>
/// <param name="Size">Size factor from \\tiny … \\Huge (1 = normal size).</param>
internal readonly record struct StyleState(MathStyle Style, bool Cramped, double Size = 1)
{
    public bool IsDisplay => Style == MathStyle.Display;

    /// <summary>Script styles get tighter spacing: parenthesised entries of the spacing table vanish.</summary>
    public bool IsScript => Style >= MathStyle.Script;

    public StyleState Superscript => this with { Style = ScriptOf(Style) };

    public StyleState Subscript => this with { Style = ScriptOf(Style), Cramped = true };

    public StyleState Numerator => this with { Style = FractionOf(Style) };

    public StyleState Denominator => this with { Style = FractionOf(Style), Cramped = true };

    public StyleState AsCramped => this with { Cramped = true };

    private static MathStyle ScriptOf(MathStyle style) =>
        style <= MathStyle.Text ? MathStyle.Script : MathStyle.ScriptScript;

    private static MathStyle FractionOf(MathStyle style) => style switch
    {
        MathStyle.Display => MathStyle.Text,
        MathStyle.Text => MathStyle.Script,
        _ => MathStyle.ScriptScript,
    };
}

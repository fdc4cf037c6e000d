namespace MathForML.Rendering.Parsing;

/// <summary>Lookup tables for control sequences that map to a value (fonts, spaces, styles, operators).</summary>
internal sealed partial class LatexParser
{
    // Command tables are switch expressions, not dictionaries: each dictionary with a value-type value
    // is a separate generic instantiation that the JIT compiles on first use, which cost more start-up
    // time than parsing the first formula itself. A string switch compiles to one hashed jump table.

    /// <summary>Font commands taking one argument (\mathbf{…}).</summary>
    private static MathVariant? FontCommand(string command) => command switch
    {
        "\\mathbf" => MathVariant.Bold,
        "\\mathrm" => MathVariant.Normal,
        "\\mathup" => MathVariant.Normal,
        "\\mathit" => MathVariant.Italic,
        "\\mathnormal" => MathVariant.Default,
        "\\mathbb" => MathVariant.DoubleStruck,
        "\\mathcal" => MathVariant.Script,
        "\\mathscr" => MathVariant.Script,
        "\\mathfrak" => MathVariant.Fraktur,
        "\\mathsf" => MathVariant.SansSerif,
        "\\mathsfit" => MathVariant.SansSerifItalic,
        "\\mathtt" => MathVariant.Monospace,
        "\\boldsymbol" => MathVariant.BoldItalic,
        "\\bm" => MathVariant.BoldItalic,
        "\\mathbfit" => MathVariant.BoldItalic,
        "\\pmb" => MathVariant.BoldItalic,
        _ => null,
    };

    /// <summary>Old-style font switches (\rm, \bf) that apply to the rest of the group.</summary>
    private static MathVariant? FontSwitch(string command) => command switch
    {
        "\\rm" => MathVariant.Normal,
        "\\bf" => MathVariant.Bold,
        "\\it" => MathVariant.Italic,
        "\\cal" => MathVariant.Script,
        "\\sf" => MathVariant.SansSerif,
        "\\tt" => MathVariant.Monospace,
        "\\frak" => MathVariant.Fraktur,
        "\\Bbb" => MathVariant.DoubleStruck,
        _ => null,
    };

    /// <summary>Commands whose argument is text (\text, \mbox, \textbf…).</summary>
    private static MathVariant? TextCommand(string command) => command switch
    {
        "\\text" => MathVariant.Normal,
        "\\textrm" => MathVariant.Normal,
        "\\textup" => MathVariant.Normal,
        "\\textnormal" => MathVariant.Normal,
        "\\mbox" => MathVariant.Normal,
        "\\hbox" => MathVariant.Normal,
        "\\textbf" => MathVariant.Bold,
        "\\textit" => MathVariant.Italic,
        "\\emph" => MathVariant.Italic,
        "\\textsf" => MathVariant.SansSerif,
        "\\texttt" => MathVariant.Monospace,
        _ => null,
    };

    /// <summary>Spacing commands measured in mu.</summary>
    private static double? MuSpace(string command) => command switch
    {
        "\\," => SpaceWidths.ThinMu,
        "\\thinspace" => SpaceWidths.ThinMu,
        "\\:" => SpaceWidths.MediumMu,
        "\\>" => SpaceWidths.MediumMu,
        "\\medspace" => SpaceWidths.MediumMu,
        "\\;" => SpaceWidths.ThickMu,
        "\\thickspace" => SpaceWidths.ThickMu,
        "\\!" => -SpaceWidths.ThinMu,
        "\\negthinspace" => -SpaceWidths.ThinMu,
        "\\negmedspace" => -SpaceWidths.MediumMu,
        "\\negthickspace" => -SpaceWidths.ThickMu,
        _ => null,
    };

    /// <summary>Spacing commands measured in em.</summary>
    private static double? EmSpace(string command) => command switch
    {
        "\\quad" => SpaceWidths.Quad,
        "\\qquad" => 2 * SpaceWidths.Quad,
        "\\enspace" => SpaceWidths.EnSpace,
        "\\ " => SpaceWidths.InterWord,
        "\\space" => SpaceWidths.InterWord,
        "\\nobreakspace" => SpaceWidths.InterWord,
        _ => null,
    };

    /// <summary>Explicit math style changes.</summary>
    private static MathStyle? StyleCommand(string command) => command switch
    {
        "\\displaystyle" => MathStyle.Display,
        "\\textstyle" => MathStyle.Text,
        "\\scriptstyle" => MathStyle.Script,
        "\\scriptscriptstyle" => MathStyle.ScriptScript,
        _ => null,
    };

    /// <summary>Commands that give their argument an atom class.</summary>
    private static AtomType? ClassCommand(string command) => command switch
    {
        "\\mathord" => AtomType.Ord,
        "\\mathop" => AtomType.Op,
        "\\mathbin" => AtomType.Bin,
        "\\mathrel" => AtomType.Rel,
        "\\mathopen" => AtomType.Open,
        "\\mathclose" => AtomType.Close,
        "\\mathpunct" => AtomType.Punct,
        "\\mathinner" => AtomType.Inner,
        _ => null,
    };

    /// <summary>Operator names (\sin, \lim…): the upright text and whether limits go above and below.</summary>
    private static (string Text, bool Limits)? OperatorName(string command) => command switch
    {
        "\\arccos" or "\\arcsin" or "\\arctan" or "\\arg" or "\\cos" or "\\cosh" or "\\cot" or "\\coth" or "\\csc"
            or "\\deg" or "\\dim" or "\\exp" or "\\hom" or "\\ker" or "\\lg" or "\\ln" or "\\log" or "\\sec" or "\\sin"
            or "\\sinh" or "\\tan" or "\\tanh" or "\\sgn" => (command[1..], false),
        "\\det" or "\\gcd" or "\\inf" or "\\lim" or "\\max" or "\\min" or "\\Pr" or "\\sup" => (command[1..], true),
        "\\liminf" => ("lim inf", true),
        "\\limsup" => ("lim sup", true),
        "\\injlim" => ("inj lim", true),
        "\\projlim" => ("proj lim", true),
        "\\argmax" => ("arg max", true),
        "\\argmin" => ("arg min", true),
        _ => null,
    };
}

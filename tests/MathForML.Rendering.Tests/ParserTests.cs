using MathForML.Rendering.Parsing;
using MathForML.Rendering.Tests.Support;

namespace MathForML.Rendering.Tests;

public sealed class ParserTests
{
    [Theory]
    [InlineData("x", "ord:x")]
    [InlineData("x+1", "ord:x bin:+ ord:1")]
    [InlineData("a-b", "ord:a bin:\u2212 ord:b")]
    [InlineData("x^2", "ord:x^{ord:2}")]
    [InlineData("x_i^2", "ord:x_{ord:i}^{ord:2}")]
    [InlineData("x^2_i", "ord:x_{ord:i}^{ord:2}")]
    [InlineData("x^{a+b}", "ord:x^{ord:a bin:+ ord:b}")]
    [InlineData("f'", "ord:f^{ord:\u2032[Normal]}")]
    [InlineData("f''^2", "ord:f^{ord:\u2032[Normal] ord:\u2032[Normal] ord:2}")]
    [InlineData("^2", "group{}^{ord:2}")]
    [InlineData("\\frac{a}{b}", "frac{ord:a}{ord:b}")]
    [InlineData("\\frac12", "frac{ord:1}{ord:2}")]
    [InlineData("\\dfrac{a}{b}", "frac[Display]{ord:a}{ord:b}")]
    [InlineData("\\tfrac{a}{b}", "frac[Text]{ord:a}{ord:b}")]
    [InlineData("\\binom{n}{k}", "stack(){ord:n}{ord:k}")]
    [InlineData("a \\over b", "frac{ord:a}{ord:b}")]
    [InlineData("n \\choose k", "stack(){ord:n}{ord:k}")]
    [InlineData("\\sqrt{x}", "sqrt{ord:x}")]
    [InlineData("\\sqrt[3]{x}", "sqrt[ord:3]{ord:x}")]
    [InlineData("\\sum_{i=1}^n", "op:\u2211_{ord:i rel:= ord:1}^{ord:n}")]
    [InlineData("\\int_0^1", "op:\u222B[NoLimits]_{ord:0}^{ord:1}")]
    [InlineData("\\sum\\nolimits_i", "op:\u2211[NoLimits]_{ord:i}")]
    [InlineData("\\int\\limits_0", "op:\u222B[Limits]_{ord:0}")]
    [InlineData("\\lim_{n\\to\\infty}", "op{ord:l[Normal] ord:i[Normal] ord:m[Normal]}_{ord:n rel:\u2192 ord:\u221E}")]
    [InlineData("\\sin x", "op{ord:s[Normal] ord:i[Normal] ord:n[Normal]}[NoLimits] ord:x")]
    [InlineData("\\operatorname{Var}", "op{ord:V[Normal] ord:a[Normal] ord:r[Normal]}[NoLimits]")]
    [InlineData("\\operatorname*{arg\\,max}", "op{ord:a[Normal] ord:r[Normal] ord:g[Normal] space:3mu ord:m[Normal] ord:a[Normal] ord:x[Normal]}")]
    [InlineData("\\left( x \\right)", "left({ord:x}right)")]
    [InlineData("\\left\\{ x \\middle| y \\right.", "left{{ord:x}middle|{ord:y}right.")]
    [InlineData("\\left\\langle u \\right\\rangle", "left\u27E8{ord:u}right\u27E9")]
    [InlineData("\\bigl( x \\bigr)", "big1open( ord:x big1close)")]
    [InlineData("\\Bigg|", "big4ord|")]
    [InlineData("\\hat{x}", "accent:0302{ord:x}")]
    [InlineData("\\widehat{AB}", "wideaccent:0302{ord:A ord:B}")]
    [InlineData("\\vec v", "accent:20D7{ord:v}")]
    [InlineData("\\overline{z}", "overline{ord:z}")]
    [InlineData("\\overbrace{a}^{n}", "overbrace{ord:a}[Limits]^{ord:n}")]
    [InlineData("\\overset{a}{=}", "overset{ord:a}{rel:=}")]
    [InlineData("\\mathbf{x}", "group{ord:x[Bold]}")]
    [InlineData("\\mathbb{R}", "group{ord:R[DoubleStruck]}")]
    [InlineData("\\mathcal L", "group{ord:L[Script]}")]
    [InlineData("\\boldsymbol{\\mu}", "group{ord:\u03BC[BoldItalic]}")]
    [InlineData("{\\rm d}x", "group{ord:d[Normal]} ord:x")]
    [InlineData("\\text{if } x", "group{text\"if \"} ord:x")]
    [InlineData("\\text{for $x$}", "group{text\"for \" group{ord:x}}")]
    [InlineData("\\textbf{bold}", "group{text\"bold\"[Bold]}")]
    [InlineData("a\\,b\\quad c", "ord:a space:3mu ord:b space:1em ord:c")]
    [InlineData("a\\hspace{2pt}b", "ord:a space:0.2em ord:b")]
    [InlineData("a\\mkern6mu b", "ord:a space:6mu ord:b")]
    [InlineData("\\color{red} x", "color:#FF0000{ord:x}")]
    [InlineData("\\textcolor{#00ff00}{y}", "color:#00FF00{ord:y}")]
    [InlineData("\\alpha\\Gamma\\infty", "ord:\u03B1 ord:\u0393 ord:\u221E")]
    [InlineData("a\\leq b\\to c", "ord:a rel:\u2264 ord:b rel:\u2192 ord:c")]
    [InlineData("\\not= \\not\\in", "rel:=[not] rel:\u2208[not]")]
    [InlineData("\\begin{pmatrix}a&b\\\\c&d\\end{pmatrix}", "matrix()[ord:a & ord:b \\\\ ord:c & ord:d]")]
    [InlineData("\\begin{bmatrix}1\\\\\\end{bmatrix}", "matrix[][ord:1]")]
    [InlineData("\\begin{cases}1&x\\\\0&y\\end{cases}", "cases{[ord:1 & ord:x \\\\ ord:0 & ord:y]")]
    [InlineData("\\begin{aligned}a&=b\\end{aligned}", "aligned[ord:a & rel:= ord:b]")]
    [InlineData("\\begin{array}{c|l}a&b\\end{array}", "array[ord:a & ord:b]")]
    [InlineData("\\substack{a\\\\b}", "substack[ord:a \\\\ ord:b]")]
    [InlineData("\\displaystyle x", "style:Display ord:x")]
    [InlineData("\\phantom{x}", "phantom:Full{ord:x}")]
    [InlineData("\\boxed{x}", "boxed{ord:x}")]
    [InlineData("x \\pmod{n}", "ord:x group{space:18mu open:([Normal] op{ord:m[Normal] ord:o[Normal] ord:d[Normal]} space:6mu group{ord:n} close:)[Normal]}")]
    [InlineData("\\newcommand{\\R}{\\mathbb{R}} \\R", "group{ord:R[DoubleStruck]}")]
    [InlineData("\\newcommand{\\sq}[1]{#1^2} \\sq{y}", "ord:y^{ord:2}")]
    [InlineData("\\def\\pair#1#2{(#1,#2)} \\pair ab", "open:( ord:a punct:, ord:b close:)")]
    [InlineData("x % comment\n+ y", "ord:x bin:+ ord:y")]
    [InlineData("\\{ x \\}", "open:{[Normal] ord:x close:}[Normal]")]
    [InlineData("{\\Large x}", "group{size:1.44 ord:x}")]
    [InlineData("\\rule{1em}{2pt}", "rule:1x0.2")]
    [InlineData("\\smash[b]{y}", "smashbottom{ord:y}")]
    [InlineData("\\vcenter{y}", "verticalcenter{ord:y}")]
    [InlineData("\\mathrlap{x}", "lapright{ord:x}")]
    [InlineData("\\colorbox{teal}{A}", "colorbox:#008080{text\"A\"}")]
    [InlineData("\\fcolorbox{red}{blue}{A}", "colorbox:#0000FF/#FF0000{text\"A\"}")]
    [InlineData("\\genfrac(]{0pt}{1}{a}{b}", "stack[Text](]{ord:a}{ord:b}")]
    [InlineData("\\mathchoice{a}{b}{c}{d}", "choice{ord:a}{ord:b}{ord:c}{ord:d}")]
    [InlineData("x \\tag{1}", "ord:x space:2em text\"(\" text\"1\" text\")\"")]
    [InlineData("\\cancel{x}", "cancel:Up{ord:x}")]
    [InlineData("\\text{\\sout{a}}", "group{cancel:Strike{text\"a\"}}")]
    [InlineData("\\begin{pmatrix*}[r]1\\end{pmatrix*}", "matrix()[ord:1]")]
    [InlineData("\\xRightarrow{f}", "extensiblearrow{ord:f}")]
    [InlineData("\\text{``a''---b}", "group{text\"\u201Ca\u201D\u2014b\"}")]
    [InlineData("\\text{\\'e}", "group{text\"\u00E9\"}")]
    [InlineData("a \\\\ b", "lines[ord:a \\\\ ord:b]")]
    [InlineData("a \\newline b", "lines[ord:a \\\\ ord:b]")]
    [InlineData("\\not{ab}", "rel:\u0338[Normal] group{ord:a ord:b}")]
    [InlineData("a \\above 1pt b", "frac{ord:a}{ord:b}")]
    public void Parses_to_expected_tree(string source, string expected)
    {
        Assert.Equal(expected, AstPrinter.Print(LatexParser.Parse(source, null)));
    }

    [Theory]
    [InlineData("\\R^n", "\\R", "\\mathbb{R}", "group{ord:R[DoubleStruck]}^{ord:n}")]
    [InlineData("\\norm{x}", "norm", "\\left\\|#1\\right\\|", "left\u2016{ord:x}right\u2016")]
    [InlineData("\\E[X]", "\\E", "\\mathbb{E}", "group{ord:E[DoubleStruck]} open:[ ord:X close:]")]
    [InlineData("\\hl{x}", "\\hl", "\\textcolor{##ff0000}{#1}", "color:#FF0000{ord:x}")]
    public void Expands_macros_supplied_per_call(string source, string name, string body, string expected)
    {
        var macros = new Dictionary<string, string> { [name] = body };
        Assert.Equal(expected, AstPrinter.Print(LatexParser.Parse(source, macros)));
    }

    [Theory]
    [InlineData("\\foo", RenderErrorCodes.UnknownCommand, "\\foo", 0, RenderMessages.UnknownCommand, "\\foo")]
    [InlineData("x + \\frac{a}{\\bar}", RenderErrorCodes.MissingArgument, "\\bar", 13, RenderMessages.MissingArgument, "\\bar")]
    [InlineData("a + \\unknowncmd{x}", RenderErrorCodes.UnknownCommand, "\\unknowncmd", 4, RenderMessages.UnknownCommand, "\\unknowncmd")]
    [InlineData("\\frac{a}", RenderErrorCodes.MissingArgument, "\\frac", 0, RenderMessages.MissingArgument, "\\frac")]
    [InlineData("x^", RenderErrorCodes.MissingArgument, "^", 1, RenderMessages.MissingArgument, "^")]
    [InlineData("x^1^2", RenderErrorCodes.Script, "^", 3, RenderMessages.DoubleSuperscript)]
    [InlineData("x_1_2", RenderErrorCodes.Script, "_", 3, RenderMessages.DoubleSubscript)]
    [InlineData("{x", RenderErrorCodes.UnbalancedBraces, null, 0, RenderMessages.UnclosedGroup)]
    [InlineData("x}", RenderErrorCodes.UnbalancedBraces, null, 1, RenderMessages.UnbalancedCloseBrace)]
    [InlineData("\\left( x", RenderErrorCodes.Delimiter, "\\left", 0, RenderMessages.MissingRight)]
    [InlineData("x \\right)", RenderErrorCodes.Delimiter, "\\right", 2, RenderMessages.UnexpectedRight, "\\right")]
    [InlineData("\\left x \\right)", RenderErrorCodes.Delimiter, "x", 6, RenderMessages.InvalidDelimiter, "x")]
    [InlineData("a & b", RenderErrorCodes.Alignment, "&", 2, RenderMessages.MisplacedAlignment)]
    [InlineData("\\begin{foo}x\\end{foo}", RenderErrorCodes.UnknownEnvironment, "\\begin", 0, RenderMessages.UnknownEnvironment, "foo")]
    [InlineData("\\begin{matrix}x\\end{pmatrix}", RenderErrorCodes.EnvironmentMismatch, "\\end", 15, RenderMessages.MismatchedEnvironment, "matrix", "pmatrix")]
    [InlineData("\\begin{matrix}x", RenderErrorCodes.EnvironmentMismatch, "\\begin", 0, RenderMessages.UnclosedEnvironment, "matrix")]
    [InlineData("\\color{nocolour}x", RenderErrorCodes.InvalidColor, "\\color", 6, RenderMessages.InvalidColor, "nocolour")]
    [InlineData("a\\hspace{3furlongs}", RenderErrorCodes.InvalidDimension, "\\hspace", 8, RenderMessages.InvalidDimension, "3furlongs")]
    [InlineData("x\\limits", RenderErrorCodes.Script, "\\limits", 1, RenderMessages.LimitsMisplaced, "\\limits")]
    [InlineData("\\text{\\oops}", RenderErrorCodes.UnknownCommand, "\\oops", 6, RenderMessages.UnknownCommand, "\\oops")]
    [InlineData("\\begin{array}{cc}a&b&c\\end{array}", RenderErrorCodes.Alignment, "\\begin", 0, RenderMessages.TooManyColumns, "array")]
    public void Reports_errors_with_code_command_position_and_message(string source, string code, string? command, int position, string format, params string[] args)
    {
        var error = Assert.Throws<LatexParseException>(() => LatexParser.Parse(source, null)).ToError();
        Assert.Equal(code, error.Code);
        Assert.Equal(command, error.Command);
        Assert.Equal(position, error.Position);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args), error.Message);
    }

    [Fact]
    public void Self_referencing_macro_ends_with_expansion_limit_error()
    {
        var macros = new Dictionary<string, string> { ["\\loop"] = "x\\loop" };
        var error = Assert.Throws<LatexParseException>(() => LatexParser.Parse("a + \\loop", macros)).ToError();
        Assert.Equal(RenderErrorCodes.MacroExpansionLimit, error.Code);
        Assert.Equal("\\loop", error.Command);
        Assert.Equal(4, error.Position);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, RenderMessages.MacroExpansionLimit, RenderLimits.MaxMacroExpansions, "\\loop"), error.Message);
    }

    [Fact]
    public void Exponentially_growing_macro_hits_the_expanded_token_budget()
    {
        var macros = new Dictionary<string, string> { ["\\a"] = "\\b\\b\\b\\b", ["\\b"] = "\\c\\c\\c\\c", ["\\c"] = "\\d\\d\\d\\d", ["\\d"] = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
        var error = Assert.Throws<LatexParseException>(() => LatexParser.Parse("\\a\\a\\a\\a\\a\\a\\a\\a", macros)).ToError();
        Assert.Equal(RenderErrorCodes.MacroExpansionLimit, error.Code);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_an_error_not_a_stack_overflow()
    {
        string deep = new string('{', RenderLimits.MaxNestingDepth + 1) + "x" + new string('}', RenderLimits.MaxNestingDepth + 1);
        var error = Assert.Throws<LatexParseException>(() => LatexParser.Parse(deep, null)).ToError();
        Assert.Equal(RenderErrorCodes.NestingTooDeep, error.Code);
        Assert.Equal(RenderLimits.MaxNestingDepth, error.Position);
    }

    [Fact]
    public void Nesting_at_the_limit_parses()
    {
        string deep = new string('{', RenderLimits.MaxNestingDepth) + "x" + new string('}', RenderLimits.MaxNestingDepth);
        Assert.NotNull(LatexParser.Parse(deep, null));
    }

    [Fact]
    public void Deeply_nested_fractions_hit_the_nesting_limit()
    {
        string deep = string.Concat(Enumerable.Repeat("\\frac{1}{", 200)) + "x" + new string('}', 200);
        var error = Assert.Throws<LatexParseException>(() => LatexParser.Parse(deep, null)).ToError();
        Assert.Equal(RenderErrorCodes.NestingTooDeep, error.Code);
    }

    [Fact]
    public void Invalid_macro_name_is_rejected()
    {
        var macros = new Dictionary<string, string> { ["\\bad name"] = "x" };
        var error = Assert.Throws<LatexParseException>(() => LatexParser.Parse("x", macros)).ToError();
        Assert.Equal(RenderErrorCodes.InvalidMacro, error.Code);
    }

    [Fact]
    public void Caret_message_points_at_the_failing_command()
    {
        var error = Assert.Throws<LatexParseException>(() => LatexParser.Parse("a + \\foo b", null)).ToError();
        Assert.Equal("Unknown command \\foo. (at position 4)\na + \\foo b\n    ^", error.FormatWithCaret("a + \\foo b"));
    }
}

using MathForML.Rendering.Parsing;
using MathForML.Rendering.Tests.Support;

namespace MathForML.Rendering.Tests;

/// <summary>Package constructs from the KaTeX corpus: \verb, amscd, braket, actuarialangle, steinmetz, mhchem arrows.</summary>
public sealed class PackageCommandTests
{
    [Theory]
    [InlineData("\\verb|a\\b c|", "verb\"a\\b c\"[Monospace]")]
    [InlineData("\\verb*|a b|", "verb\"a\u2423b\"[Monospace]")]
    [InlineData("\\verb!<x> & </y>!", "verb\"<x> & </y>\"[Monospace]")]
    [InlineData("\\verb \\verb ,", "verb\"\\verb\"[Monospace] punct:,")]
    [InlineData("\\angl{n}", "enclose:ActuarialAngle{ord:n}")]
    [InlineData("\\angln", "enclose:ActuarialAngle{ord:n}")]
    [InlineData("\\phase{x}", "enclose:Phase{ord:x}")]
    [InlineData("\\xrightleftarrows{k}", "extensiblearrow{ord:k}")]
    [InlineData("\\xrightequilibrium[b]{a}", "extensiblearrow{ord:b}{ord:a}")]
    public void Parses_package_commands_to_expected_tree(string source, string expected) =>
        Assert.Equal(expected, AstPrinter.Print(LatexParser.Parse(source, null)));

    [Theory]
    [InlineData("\\Set{x|y}", "left{")]
    [InlineData("\\Set{a|b|c}", "middle")]
    [InlineData("\\set{x|y}", "\u2223")]
    [InlineData("\\Braket{a|b|c}", "\u27E8")]
    [InlineData("\\braket{a|b}", "\u27E8")]
    [InlineData("\\bra{a}\\ket{b}", "\u27E9")]
    public void Braket_family_parses_and_mentions_its_delimiters(string source, string fragment)
    {
        string tree = AstPrinter.Print(LatexParser.Parse(source, null));
        Assert.Contains(fragment, tree, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_replaces_only_the_first_top_level_bar_with_a_stretchy_middle()
    {
        var list = LatexParser.Parse("\\Set{x|y|z}", null);
        LeftRightNode node = Assert.IsType<LeftRightNode>(Assert.Single(list.Items));
        Assert.Equal(["{", "|", "}"], node.Delimiters);
    }

    [Fact]
    public void Braket_replaces_every_top_level_bar_but_not_braced_ones()
    {
        var list = LatexParser.Parse("\\Braket{a|{|x|}|c}", null);
        LeftRightNode node = Assert.IsType<LeftRightNode>(Assert.Single(list.Items));
        Assert.Equal(["\u27E8", "|", "|", "\u27E9"], node.Delimiters);
    }

    [Theory]
    [InlineData("\\begin{CD} A @>a>b> B \\end{CD}", 1, 3)]
    [InlineData("\\begin{CD} A @<<< B @= C \\\\ @VVV @AAA @| \\end{CD}", 2, 5)]
    [InlineData("\\begin{CD} A @. B \\\\ @. @VVV \\\\ C @>>> D \\end{CD}", 3, 3)]
    public void CD_rows_alternate_objects_and_arrows(string source, int rows, int columns)
    {
        var list = LatexParser.Parse(source, null);
        ArrayNode cd = Assert.IsType<ArrayNode>(Assert.Single(list.Items));
        Assert.Equal(ArrayKind.CommutativeDiagram, cd.Kind);
        Assert.Equal(rows, cd.Rows.Count);
        Assert.Equal(columns, cd.ColumnCount);
    }

    [Fact]
    public void CD_vertical_arrows_sit_under_object_columns_with_side_labels()
    {
        var list = LatexParser.Parse("\\begin{CD} A @>>> B \\\\ @VaVbV @AAcA \\end{CD}", null);
        ArrayNode cd = Assert.IsType<ArrayNode>(Assert.Single(list.Items));
        Assert.Equal("cdarrow:\u2193{ord:a}{ord:b} &  & cdarrow:\u2191{}{ord:c}", Row(cd, 1));
        Assert.Equal("ord:A & extensiblearrow{} & ord:B", Row(cd, 0));
    }

    [Theory]
    [InlineData("\\verb|abc", RenderErrorCodes.MissingArgument, "\\verb", 0, RenderMessages.UnterminatedVerb)]
    [InlineData("x+\\verb", RenderErrorCodes.MissingArgument, "\\verb", 2, RenderMessages.UnterminatedVerb)]
    [InlineData("\\begin{CD} A @x B \\end{CD}", RenderErrorCodes.UnexpectedCharacter, "@", 13, RenderMessages.InvalidCdArrow, "x")]
    [InlineData("\\begin{CD} A @>a> B \\end{CD}", RenderErrorCodes.MissingArgument, "@", 13, RenderMessages.UnclosedCdLabel, ">")]
    [InlineData("\\begin{CD} A @VVV B \\end{CD}", RenderErrorCodes.UnexpectedCharacter, "A", 11, RenderMessages.CdArrowRowContent, "A")]
    [InlineData("\\begin{CD} A \\end{matrix}", RenderErrorCodes.EnvironmentMismatch, "\\end", 13, RenderMessages.MismatchedEnvironment, "CD", "matrix")]
    [InlineData("\\begin{CD} A", RenderErrorCodes.EnvironmentMismatch, "\\begin", 0, RenderMessages.UnclosedEnvironment, "CD")]
    [InlineData("x \\htmlId{a}{b}", RenderErrorCodes.UnknownCommand, "\\htmlId", 2, RenderMessages.UnknownCommand, "\\htmlId")]
    [InlineData("\\includegraphics{a.png}", RenderErrorCodes.UnknownCommand, "\\includegraphics", 0, RenderMessages.UnknownCommand, "\\includegraphics")]
    public void Reports_package_errors_with_command_and_position(string source, string code, string command, int position, string format, params string[] args)
    {
        var error = Assert.Throws<LatexParseException>(() => LatexParser.Parse(source, null)).ToError();
        Assert.Equal(code, error.Code);
        Assert.Equal(command, error.Command);
        Assert.Equal(position, error.Position);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args), error.Message);
    }

    [Theory]
    [InlineData("\\begin{CD} A @>a>> B \\\\ @VbVV @AAcA \\\\ C @= D \\end{CD}")]
    [InlineData("\\verb|x| + \\scriptstyle\\verb*|y z|")]
    [InlineData("A_{\\angl n} + \\phase{30^\\circ} + \\Set{x | x > 0}")]
    [InlineData("A \\xleftequilibrium{over} B")]
    public void Package_constructs_render(string source)
    {
        RenderResult result = TestFont.Renderer.Render(source, new RenderOptions());
        Assert.True(result.Success, result.Error?.FormatWithCaret(source));
    }

    private static string Row(ArrayNode cd, int row) => string.Join(" & ", cd.Rows[row].Select(AstPrinter.Print));
}

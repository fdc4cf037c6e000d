using MathForML.TestKit;
using MathForML.Rendering.Tests.Support;

namespace MathForML.Rendering.Tests;

/// <summary>
/// Rendered PNGs compared with stored ones under Golden/ with a per-pixel tolerance. Set
/// MATHFORML_UPDATE_GOLDEN=1 to rewrite them (and the docs contact sheet) after an intended change.
/// </summary>
public sealed class GoldenImageTests
{
    /// <summary>Largest per-channel difference that still counts as the same pixel (anti-aliasing noise).</summary>
    private const int ChannelTolerance = 24;

    /// <summary>Share of pixels allowed to exceed the tolerance.</summary>
    private const double MaxDifferentShare = 0.002;

    public static TheoryData<string, string, bool> Cases => new()
    {
        { "fraction", "\\frac{a+b}{c-d}", true },
        { "quadratic", "x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}", true },
        { "sum-limits", "\\sum_{i=1}^{n} i^2 = \\frac{n(n+1)(2n+1)}{6}", true },
        { "integral", "\\int_{-\\infty}^{\\infty} e^{-x^2}\\,dx = \\sqrt{\\pi}", true },
        { "matrix", "\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}", true },
        { "cases", "|x| = \\begin{cases} x & x \\ge 0 \\\\ -x & x < 0 \\end{cases}", true },
        { "delimiters", "\\left( \\frac{1}{1+e^{-z}} \\right)", true },
        { "accents", "\\hat{y} \\quad \\vec{v} \\quad \\bar{x} \\quad \\widehat{ABC}", false },
        { "fonts", "\\mathbf{W}\\mathbb{R}\\mathcal{L}\\mathrm{d}x", false },
        { "gradient", "\\nabla_{\\mathbf{w}} \\mathcal{L} = \\frac{1}{N}\\sum_{n=1}^{N} (y_n - t_n)\\,\\mathbf{x}_n", true },
        { "inline-sum", "\\sum_{k=0}^\\infty \\frac{x^k}{k!}", false },
        { "aligned", "\\begin{aligned} f(x) &= (x+1)^2 \\\\ &= x^2 + 2x + 1 \\end{aligned}", true },
        { "verb", "\\verb|A\\x  y|~\\verb*!a b! = \\texttt{A}", false },
        { "cd", "\\begin{CD} A @>a>b> B \\\\ @VcVdV @AAeA \\\\ C @= D @<<< E \\\\ @| @. \\end{CD}", true },
        { "braket-set", "\\Set{ x \\in \\mathbb{R} | x < \\frac{1}{2} } \\quad \\set{n | n>0} \\quad \\Braket{ \\phi | \\frac{\\partial^2}{\\partial t^2} | \\psi }", true },
        { "angl-phase", "a_{\\angl{n}} = \\ddot{a}_{\\angln} \\quad 120\\,\\text{V}\\phase{-78.2^\\circ}", false },
        { "reaction-arrows", "A \\xrightleftarrows{k} B \\xrightequilibrium[b]{a} C \\xleftequilibrium{} D", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_stored_golden_image(string name, string latex, bool display)
    {
        RenderResult result = TestFont.Renderer.Render(latex, new RenderOptions { Display = display });
        Assert.True(result.Success, result.Error?.FormatWithCaret(latex));
        string path = Path.Combine(RepoPaths.GoldenDirectory, name + ".png");
        if (RepoPaths.UpdateRequested)
        {
            Directory.CreateDirectory(RepoPaths.GoldenDirectory);
            File.WriteAllBytes(path, result.Png!);
            return;
        }

        Assert.True(File.Exists(path), $"Golden image {path} is missing; run with {RepoPaths.UpdateGoldenVariable}=1.");
        DecodedImage expected = PngDecoder.Decode(File.ReadAllBytes(path));
        DecodedImage actual = PngDecoder.Decode(result.Png!);
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        int different = 0;
        for (int i = 0; i < expected.Pixels.Length; i++)
        {
            if (int.Abs(expected.Pixels[i] - actual.Pixels[i]) > ChannelTolerance)
            {
                different++;
            }
        }

        Assert.True(different <= expected.Pixels.Length * MaxDifferentShare, $"{different} channel values differ beyond tolerance.");
    }

    [Fact]
    public void Contact_sheet_formulas_all_render()
    {
        string[] formulas = File.ReadAllLines(RepoPaths.ContactSheetFormulas).Where(l => l.Length > 0).ToArray();
        Assert.True(formulas.Length >= 40);
        (byte[] png, List<string> failures) = SheetComposer.Compose(TestFont.Renderer, formulas, scale: 1.25, columns: 2);
        Assert.Empty(failures);
        DecodedImage sheet = PngDecoder.Decode(png);
        Assert.True(sheet.Height > formulas.Length * 20);
        if (RepoPaths.UpdateRequested)
        {
            File.WriteAllBytes(RepoPaths.ContactSheet, png);
        }
    }
}

namespace MathForML.Rendering.Tests;

public sealed class RobustnessTests
{
    private static readonly string[] Pieces =
    [
        "x", "2", "+", "=", "^", "_", "{", "}", "&", "\\\\", "\\frac", "\\sqrt", "[", "]", "(", ")", "\\left(", "\\right)",
        "\\middle|", "\\sum", "\\int", "\\limits", "\\begin{matrix}", "\\end{matrix}", "\\begin{cases}", "\\end{cases}",
        "\\text{", "$", "\\hat", "\\overbrace", "\\mathbf", "\\color{red}", "\\big(", "'", "\\not", "\\over", "\\,", "\\quad",
        "\\alpha", "\\operatorname{f}", "\\substack{", "\\binom", "\\phantom", "\\rule{1em}{1em}", "\\tiny", "\\newcommand",
        "#", "%", "~", "\\cancel", "\\xrightarrow", "\\mathchoice", "\\tag{1}", "\\begin{array}{c}", "\\end{array}", " ",
    ];

    [Fact]
    public void Random_token_soup_never_throws_only_succeeds_or_reports_an_error()
    {
        var random = new Random(20261121);
        var renderer = TestFont.Renderer;
        for (int i = 0; i < 1500; i++)
        {
            int count = random.Next(1, 14);
            string latex = string.Concat(Enumerable.Range(0, count).Select(_ => Pieces[random.Next(Pieces.Length)]));
            RenderResult result = renderer.Render(latex, new RenderOptions { Display = random.Next(2) == 0, Scale = 0.5 });
            Assert.Equal(latex, result.AltText);
            Assert.True(result.Success ? result.Png is not null : result.Error is not null, latex);
            if (!result.Success)
            {
                Assert.InRange(result.Error!.Position, 0, latex.Length);
                Assert.False(string.IsNullOrEmpty(result.Error.Code));
            }
        }
    }

    [Fact]
    public void Random_documents_never_throw()
    {
        var random = new Random(7);
        for (int i = 0; i < 300; i++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => random.Next(4) switch
            {
                0 => "word ",
                1 => "$" + Pieces[random.Next(Pieces.Length)] + "$",
                2 => "\n\n",
                _ => Pieces[random.Next(Pieces.Length)],
            }));
            RenderResult result = TestFont.Renderer.RenderDocument(text, new RenderOptions { MaxWidthPixels = 200, Scale = 0.5 });
            Assert.True(result.Success || result.Error is not null, text);
        }
    }
}

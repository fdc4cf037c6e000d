using MathForML.Rendering.Tests.Support;
using Xunit.Abstractions;

namespace MathForML.Rendering.Tests;

public sealed class KatexCorpusTests(ITestOutputHelper output)
{
    /// <summary>Regression floor: raise it when more of the corpus renders.</summary>
    private const int MinimumRendered = 119;

    [Fact]
    public void Corpus_decodes_to_126_cases()
    {
        List<(string Name, string Tex)> cases = KatexCorpus.Load();
        Assert.Equal(126, cases.Count);
        Assert.Equal("\\frac{a}{b}", KatexCorpus.Unescape("\\\\frac{a}{b}"));
        Assert.Equal("a\n\tb\\", KatexCorpus.Unescape("a\\n\\tb\\\\"));
    }

    [Fact]
    public void Reports_how_many_corpus_formulas_render()
    {
        List<(string Name, string Tex)> cases = KatexCorpus.Load();
        var failed = new List<string>();
        foreach ((string name, string tex) in cases)
        {
            var options = new RenderOptions { Display = KatexCorpus.DisplayCases.Contains(name), Macros = KatexCorpus.Macros(name) };
            RenderResult result = TestFont.Renderer.Render(tex, options);
            if (!result.Success)
            {
                failed.Add($"{name}: {result.Error!.Code} {result.Error.Message}");
            }
        }

        int rendered = cases.Count - failed.Count;
        output.WriteLine($"KaTeX corpus: {rendered}/{cases.Count} render.");
        foreach (string failure in failed)
        {
            output.WriteLine(failure);
        }

        Assert.Contains(failed, f => f.StartsWith("UnsupportedCmds:", StringComparison.Ordinal));
        Assert.True(rendered >= MinimumRendered, $"Only {rendered}/{cases.Count} render; floor is {MinimumRendered}.");
    }
}

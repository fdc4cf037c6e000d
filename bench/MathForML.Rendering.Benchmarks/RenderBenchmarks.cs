using BenchmarkDotNet.Attributes;
using MathForML.Rendering;

namespace MathForML.Rendering.Benchmarks;

/// <summary>Warm render time per formula (parse, layout, raster, PNG), bypassing the result cache.</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private MathRenderer _renderer = null!;

    public static IEnumerable<string> Formulas => BenchmarkFormulas.All;

    [ParamsSource(nameof(Formulas))]
    public string Latex { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new MathRenderer();
        if (!_renderer.RenderUncached(Latex, RenderOptions.Default).Success)
        {
            throw new InvalidOperationException($"Benchmark formula fails to render: {Latex}");
        }
    }

    [Benchmark]
    public byte[] Render() => _renderer.RenderUncached(Latex, RenderOptions.Default).Png!;
}

/// <summary>A varied set: inline and display textbook formulas, matrices, stretchy delimiters, text.</summary>
public static class BenchmarkFormulas
{
    public static readonly string[] All =
    [
        "x^2",
        "\\frac{a+b}{c}",
        "x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}",
        "\\sum_{i=1}^{n} (y_i - \\hat{y}_i)^2",
        "\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2}",
        "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}^{-1} = \\frac{1}{ad-bc}\\begin{pmatrix} d & -b \\\\ -c & a \\end{pmatrix}",
        "p(x) = \\frac{1}{\\sqrt{2\\pi\\sigma^2}} \\exp\\left(-\\frac{(x-\\mu)^2}{2\\sigma^2}\\right)",
        "f(x) = \\begin{cases} x & \\text{if } x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}",
        "\\theta^* = \\arg\\max_\\theta \\prod_{i=1}^n p(x_i \\mid \\theta)",
        "\\begin{aligned} (a+b)^2 &= a^2 + 2ab + b^2 \\\\ &\\ge 4ab \\end{aligned}",
    ];
}

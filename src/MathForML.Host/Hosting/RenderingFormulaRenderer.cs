using MathForML.Core.Chat;
using MathForML.Core.Formulas;
using MathForML.Rendering;

namespace MathForML.Host.Hosting;

/// <summary>Core's renderer port on the Rendering engine: PNG with the LaTeX source as alt text.</summary>
internal sealed class RenderingFormulaRenderer(MathRenderer renderer) : IFormulaRenderer
{
    public FormulaRenderResult Render(string latex, bool display, FormulaTheme theme, IReadOnlyDictionary<string, string>? macros = null) =>
        ToResult(renderer.Render(latex, Options(theme, macros) with { Display = display }), latex, "formula.png");

    public FormulaRenderResult RenderDocument(string text, FormulaTheme theme, IReadOnlyDictionary<string, string>? macros = null) =>
        ToResult(renderer.RenderDocument(text, Options(theme, macros)), text, "problem.png");

    private static RenderOptions Options(FormulaTheme theme, IReadOnlyDictionary<string, string>? macros) => new()
    {
        Theme = theme == FormulaTheme.Dark ? RenderTheme.Dark : RenderTheme.Light,
        Macros = macros is { Count: > 0 } ? macros : null,
    };

    private static FormulaRenderResult ToResult(RenderResult result, string source, string fileName) =>
        result is { Success: true, Png: { } png }
            ? FormulaRenderResult.Rendered(new ChatImage(png, result.AltText, fileName, result.Width, result.Height))
            : FormulaRenderResult.Failed(result.Error!.FormatWithCaret(source));
}

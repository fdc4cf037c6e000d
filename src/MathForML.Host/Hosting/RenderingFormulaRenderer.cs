using MathForML.Core.Chat;
using MathForML.Core.Formulas;
using MathForML.Rendering;

namespace MathForML.Host.Hosting;

/// <summary>Core's renderer port on the Rendering engine: PNG with the LaTeX source as alt text.</summary>
internal sealed class RenderingFormulaRenderer(MathRenderer renderer) : IFormulaRenderer
{
    public FormulaRenderResult Render(string latex, bool display, FormulaTheme theme)
    {
        var result = renderer.Render(latex, new RenderOptions
        {
            Display = display,
            Theme = theme == FormulaTheme.Dark ? RenderTheme.Dark : RenderTheme.Light,
        });
        return result is { Success: true, Png: { } png }
            ? FormulaRenderResult.Rendered(new ChatImage(png, result.AltText, "formula.png", result.Width, result.Height))
            : FormulaRenderResult.Failed(result.Error!.FormatWithCaret(latex));
    }
}

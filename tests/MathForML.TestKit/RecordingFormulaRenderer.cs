using MathForML.Core.Chat;
using MathForML.Core.Formulas;

namespace MathForML.TestKit;

/// <summary>Records what Core asks to render; answers with a tiny fake image, or with <paramref name="fail"/> as the error.</summary>
public sealed class RecordingFormulaRenderer(string? fail = null) : IFormulaRenderer
{
    public List<string> Requests { get; } = [];

    public FormulaRenderResult Render(string latex, bool display, FormulaTheme theme, IReadOnlyDictionary<string, string>? macros = null) => Record(latex);

    public FormulaRenderResult RenderDocument(string text, FormulaTheme theme, IReadOnlyDictionary<string, string>? macros = null) => Record(text);

    private FormulaRenderResult Record(string source)
    {
        lock (Requests)
        {
            Requests.Add(source);
        }

        return fail is null ? FormulaRenderResult.Rendered(new ChatImage([1, 2, 3], source, "formula.png", 10, 10)) : FormulaRenderResult.Failed(fail);
    }
}

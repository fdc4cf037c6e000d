using MathForML.Core.Chat;

namespace MathForML.Core.Formulas;

/// <summary>Light or dark chat theme: images must be readable on the reader's background.</summary>
public enum FormulaTheme
{
    Light,
    Dark,
}

/// <summary>An image of a formula, or what is wrong with the LaTeX (with a caret under the place).</summary>
public sealed record FormulaRenderResult(ChatImage? Image, string? Error)
{
    public static FormulaRenderResult Rendered(ChatImage image) => new(image, null);

    public static FormulaRenderResult Failed(string error) => new(null, error);
}

/// <summary>The renderer port: Core asks for pictures of LaTeX without knowing how they are drawn.</summary>
public interface IFormulaRenderer
{
    /// <summary>One formula (no dollar signs), display or inline style.</summary>
    FormulaRenderResult Render(string latex, bool display, FormulaTheme theme, IReadOnlyDictionary<string, string>? macros = null);

    /// <summary>
    /// Paragraphs of text with <c>$…$</c> inline and <c>$$…$$</c> display math, wrapped to the chat's width
    /// (problem statements, hints, solutions). The alt text is the source.
    /// </summary>
    FormulaRenderResult RenderDocument(string text, FormulaTheme theme, IReadOnlyDictionary<string, string>? macros = null);
}

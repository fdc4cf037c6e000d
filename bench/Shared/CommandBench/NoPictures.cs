using MathForML.Core.Formulas;
using MathForML.Core.Participation;

namespace MathForML.CommandBench;

/// <summary>Stands in for the host's renderers (internal to the host): the measured commands draw nothing.</summary>
internal sealed class NoPictures : IFormulaRenderer, IChartRenderer
{
    private const string Why = "The command benchmarks measure commands that draw nothing; this one tried to.";

    public FormulaRenderResult Render(string latex, bool display, FormulaTheme theme, IReadOnlyDictionary<string, string>? macros = null) =>
        throw new NotSupportedException(Why);

    public FormulaRenderResult RenderDocument(string text, FormulaTheme theme, IReadOnlyDictionary<string, string>? macros = null) =>
        throw new NotSupportedException(Why);

    public ChartImageResult ActivityCalendar(string title, IReadOnlyList<(DateOnly Day, int Count)> days, DateOnly first, DateOnly last) =>
        throw new NotSupportedException(Why);

    public ChartImageResult SolveRates(string title, IReadOnlyList<(string Label, int Solved, int Tried, int Members)> problems) =>
        throw new NotSupportedException(Why);

    public ChartImageResult ReadingProgress(string title, IReadOnlyList<(string Name, int Done, int Total)> members) =>
        throw new NotSupportedException(Why);
}

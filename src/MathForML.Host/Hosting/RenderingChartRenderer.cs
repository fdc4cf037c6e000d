using MathForML.Core.Chat;
using MathForML.Core.Participation;
using MathForML.Rendering.Charts;

namespace MathForML.Host.Hosting;

/// <summary>Core's chart port on the Rendering charts: light theme, whose opaque card reads on dark chats too.</summary>
internal sealed class RenderingChartRenderer(ChartRenderer renderer) : IChartRenderer
{
    public ChartImageResult ActivityCalendar(string title, IReadOnlyList<(DateOnly Day, int Count)> days, DateOnly first, DateOnly last) =>
        ToResult(renderer.ActivityCalendar(new ActivityCalendarData(title, days, first, last), ChartOptions.Default), "activity.png");

    public ChartImageResult SolveRates(string title, IReadOnlyList<(string Label, int Solved, int Tried, int Members)> problems) =>
        ToResult(renderer.SolveRates(new SolveRateData(title, problems), ChartOptions.Default), "solve-rates.png");

    public ChartImageResult ReadingProgress(string title, IReadOnlyList<(string Name, int Done, int Total)> members) =>
        ToResult(renderer.ReadingProgress(new ReadingProgressData(title, members), ChartOptions.Default), "reading-progress.png");

    private static ChartImageResult ToResult(ChartResult result, string fileName) =>
        result is { Success: true, Png: { } png }
            ? ChartImageResult.Drawn(new ChatImage(png, result.AltText, fileName, result.Width, result.Height))
            : ChartImageResult.Failed(result.Error!);
}

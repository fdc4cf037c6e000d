using System.Diagnostics;
using BenchmarkDotNet.Running;
using MathForML.Rendering;
using MathForML.Rendering.Benchmarks;

// Run: dotnet run -c Release --project bench/MathForML.Rendering.Benchmarks -- --filter '*' --job short
// First render after start and peak memory: ... -- --first-render
// Where that first render's time goes, stage by stage: ... -- --first-render-breakdown
if (args.Contains("--first-render-breakdown"))
{
    FirstRenderBreakdown.Run(BenchmarkFormulas.All[2]);
    return;
}

if (args.Contains("--first-render"))
{
    var clock = Stopwatch.StartNew();
    var renderer = new MathRenderer();
    TimeSpan loaded = clock.Elapsed;
    RenderResult first = renderer.Render(BenchmarkFormulas.All[2], RenderOptions.Default);
    TimeSpan firstRender = clock.Elapsed;
    foreach (string formula in BenchmarkFormulas.All)
    {
        renderer.Render(formula, RenderOptions.Default with { Theme = RenderTheme.Dark });
    }

    clock.Restart();
    var second = new MathRenderer();
    TimeSpan secondLoad = clock.Elapsed;
    second.Render("\\sqrt{y}", RenderOptions.Default);
    Console.WriteLine($"second renderer in the same process: load {secondLoad.TotalMilliseconds:F1} ms, first render {(clock.Elapsed - secondLoad).TotalMilliseconds:F1} ms");
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    Console.WriteLine($"font load: {loaded.TotalMilliseconds:F1} ms; first render (incl. load): {firstRender.TotalMilliseconds:F1} ms; success: {first.Success}");
    Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024.0):F1} MB; managed heap: {GC.GetTotalMemory(false) / (1024.0 * 1024.0):F1} MB");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);

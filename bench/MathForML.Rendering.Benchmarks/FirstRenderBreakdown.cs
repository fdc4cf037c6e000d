using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using MathForML.Rendering.Boxes;
using MathForML.Rendering.Font;
using MathForML.Rendering.Font.Cff;
using MathForML.Rendering.Font.MathTable;
using MathForML.Rendering.Font.OpenType;
using MathForML.Rendering.Layout;
using MathForML.Rendering.Parsing;
using MathForML.Rendering.Png;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Benchmarks;

/// <summary>
/// Where a cold process spends its first render. Runs the stages MathRenderer runs, one by one, so
/// each figure includes that stage's JIT; run it in a fresh process (the figures are cold only once).
/// </summary>
internal static class FirstRenderBreakdown
{
    public static void Run(string formula)
    {
        var clock = Stopwatch.StartNew();
        var stages = new List<(string Name, double Ms)>();
        void Mark(string name)
        {
            stages.Add((name, clock.Elapsed.TotalMilliseconds));
            clock.Restart();
        }

        using Stream stream = typeof(MathFont).Assembly.GetManifestResourceStream(MathFont.EmbeddedResourceName)!;
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        Mark("read embedded font");
        var file = new OpenTypeFile(data);
        Mark("sfnt directory, hmtx, cmap");
        _ = new CffFont(file.Table("CFF "));
        Mark("CFF header and INDEXes");
        _ = new MathTableReader(file.Table("MATH"), file.GlyphCount);
        Mark("MATH table");
        _ = new ScriptStyleAlternates(file.Table("GSUB"), file.GlyphCount);
        Mark("GSUB ssty");
        var font = new MathFont(data);
        Mark("MathFont again (warm code)");
        RuntimeHelpers.RunClassConstructor(typeof(SymbolTable).TypeHandle);
        Mark("symbol table");
        RuntimeHelpers.RunClassConstructor(typeof(LatexParser).TypeHandle);
        Mark("parser static tables");
        _ = Tokenizer.Tokenize(formula);
        Mark("tokenizer");
        MathList list = LatexParser.Parse(formula, null);
        Mark("parse");
        _ = font.Outline(font.GlyphFor('x')!.Value);
        Mark("first glyph outline (CFF interpreter)");
        var layout = new MathLayout(font);
        Box box = layout.Layout(list, display: true);
        Mark("layout (incl. glyph outlines)");
        var painter = new BoxPainter(font);
        painter.Add(box, 0, 0);
        Mark("paint list");
        var canvas = new Canvas(200, 100, new Rgba(255, 255, 255));
        painter.Paint(canvas, RenderOptions.BaseFontPixels, 8, 60, new Rgba(0, 0, 0));
        Mark("raster (200x100)");
        using (var compressed = new MemoryStream())
        {
            using var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true);
            zlib.Write(new byte[10]);
        }

        Mark("zlib start-up (10 bytes)");
        _ = PngEncoder.EncodeRgb(canvas.Pixels, canvas.Width, canvas.Height);
        Mark("PNG (200x100)");
        RenderResult result = MathRenderer.Rasterize(painter, RenderOptions.Default, formula);
        Mark("raster and PNG again (warm)");
        double total = 0;
        foreach ((string name, double ms) in stages)
        {
            total += ms;
            Console.WriteLine($"{name,-40} {ms,7:F1} ms");
        }

        Console.WriteLine($"{"total",-40} {total,7:F1} ms; success: {result.Success}");
    }
}

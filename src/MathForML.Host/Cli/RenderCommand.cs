using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using MathForML.Rendering;

namespace MathForML.Host.Cli;

/// <summary>
/// <c>render</c>: LaTeX to PNG from the command line, one formula or JSON lines from stdin into a folder.
/// Each result is a JSON object <c>{"name","ok","ms","width","height","error"}</c>.
/// </summary>
internal static partial class RenderCommand
{
    public const int MaxLineLength = 64 * 1024;
    public const string MissingLatex = "render needs a formula, e.g. mathforml render '\\frac{a}{b}' -o out.png";
    public const string MissingOutput = "render needs -o <file.png> (or --jsonl <dir> to render JSON lines from stdin)";
    public const string UnknownOptionFormat = "render does not know the option '{0}'. Options: -o, --display, --inline, --theme light|dark, --scale N.";
    public const string MissingValueFormat = "render option '{0}' needs a value.";
    public const string BadThemeFormat = "render --theme must be light or dark, not '{0}'.";
    public const string BadScaleFormat = "render --scale must be a number from {0} to {1}, not '{2}'.";
    public const string BadNameFormat = "name must be 1-100 letters, digits, '-', '_' or '.', not starting with '.'";
    public const string NotJsonFormat = "line is not a JSON object with \"name\" and \"tex\": {0}";
    public const string LineTooLongFormat = "line is longer than {0} characters";
    public const double MinScale = 0.25;
    public const double MaxScale = 8;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(string[] args, CliIo io)
    {
        var parsed = Parse(args);
        if (parsed.Error is not null)
        {
            await io.Error.WriteLineAsync(parsed.Error);
            return ExitCodes.Usage;
        }

        var renderer = new MathRenderer();
        if (parsed.JsonlDirectory is { } directory)
        {
            return await RunLinesAsync(renderer, parsed.Options, Path.Combine(io.WorkingDirectory, directory), io);
        }

        var output = Path.Combine(io.WorkingDirectory, parsed.Output!);
        var line = await RenderOneAsync(renderer, parsed.Latex!, parsed.Options, output, parsed.Output!);
        await io.Out.WriteLineAsync(JsonSerializer.Serialize(line, Json));
        if (!line.Ok)
        {
            await io.Error.WriteLineAsync(line.Error);
        }

        return line.Ok ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static async Task<int> RunLinesAsync(MathRenderer renderer, RenderOptions defaults, string directory, CliIo io)
    {
        Directory.CreateDirectory(directory);
        var failed = false;
        var number = 0;
        while (await io.In.ReadLineAsync() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            RenderLine line;
            if (text.Length > MaxLineLength)
            {
                line = RenderLine.Failed($"line {number}", Format(LineTooLongFormat, MaxLineLength));
            }
            else
            {
                try
                {
                    var request = JsonSerializer.Deserialize<RenderRequest>(text, Json);
                    line = request switch
                    {
                        { Name: { } name, Tex: { } tex } when SafeName().IsMatch(name) && !name.StartsWith('.') =>
                            await RenderOneAsync(renderer, tex, defaults with { Display = request.Display ?? defaults.Display }, Path.Combine(directory, name + ".png"), name),
                        { Name: { } name, Tex: not null } => RenderLine.Failed(name, BadNameFormat),
                        _ => RenderLine.Failed($"line {number}", Format(NotJsonFormat, "missing name or tex")),
                    };
                }
                catch (JsonException exception)
                {
                    line = RenderLine.Failed($"line {number}", Format(NotJsonFormat, exception.Message));
                }
            }

            failed |= !line.Ok;
            await io.Out.WriteLineAsync(JsonSerializer.Serialize(line, Json));
        }

        return failed ? ExitCodes.Failure : ExitCodes.Ok;
    }

    private static async Task<RenderLine> RenderOneAsync(MathRenderer renderer, string latex, RenderOptions options, string path, string name)
    {
        var started = TimeProvider.System.GetTimestamp();
        var result = renderer.Render(latex, options);
        var ms = double.Round(TimeProvider.System.GetElapsedTime(started).TotalMilliseconds, 3);
        if (result is not { Success: true, Png: { } png })
        {
            return new RenderLine(name, false, ms, 0, 0, result.Error!.FormatWithCaret(latex));
        }

        await File.WriteAllBytesAsync(path, png);
        return new RenderLine(name, true, ms, result.Width, result.Height, null);
    }

    private static (string? Latex, string? Output, string? JsonlDirectory, RenderOptions Options, string? Error) Parse(string[] args)
    {
        string? latex = null;
        string? output = null;
        string? jsonl = null;
        var options = new RenderOptions { Display = false };
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--display":
                    options = options with { Display = true };
                    continue;
                case "--inline":
                    options = options with { Display = false };
                    continue;
                case "-o" or "--output" or "--theme" or "--scale" or "--jsonl" when i + 1 >= args.Length:
                    return (null, null, null, options, Format(MissingValueFormat, arg));
                case "-o" or "--output":
                    output = args[++i];
                    continue;
                case "--jsonl":
                    jsonl = args[++i];
                    continue;
                case "--theme":
                    var theme = args[++i].ToLowerInvariant();
                    if (theme is not ("light" or "dark"))
                    {
                        return (null, null, null, options, Format(BadThemeFormat, args[i]));
                    }

                    options = options with { Theme = theme == "dark" ? RenderTheme.Dark : RenderTheme.Light };
                    continue;
                case "--scale":
                    if (!double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) || scale < MinScale || scale > MaxScale)
                    {
                        return (null, null, null, options, Format(BadScaleFormat, MinScale, MaxScale, args[i]));
                    }

                    options = options with { Scale = scale };
                    continue;
            }

            if (arg.StartsWith('-') && arg.Length > 1 && latex is not null)
            {
                return (null, null, null, options, Format(UnknownOptionFormat, arg));
            }

            if (latex is not null)
            {
                return (null, null, null, options, Format(UnknownOptionFormat, arg));
            }

            latex = arg;
        }

        if (jsonl is not null)
        {
            return (null, null, jsonl, options, null);
        }

        if (latex is null)
        {
            return (null, null, null, options, MissingLatex);
        }

        return output is null ? (null, null, null, options, MissingOutput) : (latex, output, null, options, null);
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex SafeName();

    private sealed record RenderRequest(string? Name, string? Tex, bool? Display);

    private sealed record RenderLine(string Name, bool Ok, double Ms, int Width, int Height, string? Error)
    {
        public static RenderLine Failed(string name, string error) => new(name, false, 0, 0, 0, error);
    }
}

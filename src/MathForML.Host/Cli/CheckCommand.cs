using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MathForML.Math;

namespace MathForML.Host.Cli;

/// <summary>
/// <c>check</c>: judges answers like the bot does, for scripts and for checking a problem's key.
/// One answer from arguments, or JSON lines from stdin with <c>--jsonl</c>; one JSON object out per answer.
/// </summary>
internal static class CheckCommand
{
    /// <summary>A JSON line longer than this is refused (answers are short; keys and options too).</summary>
    public const int MaxLineLength = 64 * 1024;

    public const string MissingExpect = "check needs --expect <value>, e.g. mathforml check 1/4 --expect 0.25";
    public const string MissingAnswer = "check needs the answer to judge, e.g. mathforml check 1/4 --expect 0.25";
    public const string UnknownOptionFormat = "check does not know the option '{0}'. Options: --expect, --mode, --tolerance, --abs-tolerance, --sigfigs, --decimals, --reduced, --unordered, --variables, --degrees.";
    public const string MissingValueFormat = "check option '{0}' needs a value.";
    public const string BadNumberFormat = "check option '{0}' needs a number, not '{1}'.";
    public const string BadModeFormat = "check --mode must be one of auto, exact, relative, absolute, significant-figures, decimal-places; not '{0}'.";
    public const string LineTooLongFormat = "line is longer than {0} characters";
    public const string NotJsonFormat = "line is not a JSON object with \"answer\" and \"expect\": {0}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // Output goes to terminals and scripts, never into HTML: keep quotes and apostrophes readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(string[] args, CliIo io)
    {
        if (args is ["--jsonl"])
        {
            return await RunLinesAsync(io);
        }

        var parsed = ParseArguments(args);
        if (parsed.Error is not null)
        {
            await io.Error.WriteLineAsync(parsed.Error);
            return ExitCodes.Usage;
        }

        var output = Judge(parsed.Answer!, parsed.Expect!, parsed.Options!);
        await io.Out.WriteLineAsync(output.Json);
        return output.KeyError ? ExitCodes.Usage : ExitCodes.Ok;
    }

    private static async Task<int> RunLinesAsync(CliIo io)
    {
        var judge = new AnswerJudge();
        var failed = false;
        var number = 0;
        while (await io.In.ReadLineAsync() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string json;
            if (line.Length > MaxLineLength)
            {
                json = ErrorJson(number, Format(LineTooLongFormat, MaxLineLength));
            }
            else
            {
                try
                {
                    var request = JsonSerializer.Deserialize<CheckRequest>(line, Json);
                    json = request is { Answer: not null, Expect: not null }
                        ? Judge(request.Answer, request.Expect, request.Options ?? new AnswerOptions(), judge).Json
                        : ErrorJson(number, Format(NotJsonFormat, "missing answer or expect"));
                }
                catch (JsonException exception)
                {
                    json = ErrorJson(number, Format(NotJsonFormat, exception.Message));
                }
            }

            failed |= json.StartsWith("{\"error\"", StringComparison.Ordinal);
            await io.Out.WriteLineAsync(json);
        }

        return failed ? ExitCodes.Failure : ExitCodes.Ok;
    }

    private static (string Json, bool KeyError) Judge(string answer, string expect, AnswerOptions options, AnswerJudge? judge = null)
    {
        var key = AnswerKey.Create(expect, options);
        if (key.Key is null)
        {
            return (JsonSerializer.Serialize(new KeyErrorOutput("invalid-key", key.Reason, key.Message, key.Position), Json), true);
        }

        return (JsonSerializer.Serialize((judge ?? new AnswerJudge()).Judge(answer, key.Key), Json), false);
    }

    private static (string? Answer, string? Expect, AnswerOptions? Options, string? Error) ParseArguments(string[] args)
    {
        string? answer = null;
        string? expect = null;
        var options = new AnswerOptions();
        ComparisonMode? mode = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                // "--" ends options, so answers starting with "-" can follow: check -- -0.5 --expect -1/2.
                if (arg == "--" && i + 1 < args.Length)
                {
                    arg = args[++i];
                }

                if (answer is not null)
                {
                    return (null, null, null, Format(UnknownOptionFormat, arg));
                }

                answer = arg;
                continue;
            }

            if (arg is "--reduced" or "--unordered" or "--degrees")
            {
                options = arg switch
                {
                    "--reduced" => options with { RequireReduced = true },
                    "--unordered" => options with { Ordered = false },
                    _ => options with { AngleUnit = AngleUnit.Degrees },
                };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                return (null, null, null, Format(MissingValueFormat, arg));
            }

            var value = args[++i];
            switch (arg)
            {
                case "--expect":
                    expect = value;
                    break;
                case "--mode":
                    mode = ParseMode(value);
                    if (mode is null)
                    {
                        return (null, null, null, Format(BadModeFormat, value));
                    }

                    break;
                case "--variables":
                    options = options with { Variables = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] };
                    break;
                case "--tolerance" or "--abs-tolerance" or "--sigfigs" or "--decimals":
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    {
                        return (null, null, null, Format(BadNumberFormat, arg, value));
                    }

                    (options, mode) = arg switch
                    {
                        "--tolerance" => (options with { RelativeTolerance = number }, mode ?? ComparisonMode.Relative),
                        "--abs-tolerance" => (options with { AbsoluteTolerance = number }, mode ?? ComparisonMode.Absolute),
                        "--sigfigs" => (options with { SignificantFigures = (int)number }, mode ?? ComparisonMode.SignificantFigures),
                        _ => (options with { DecimalPlaces = (int)number }, mode ?? ComparisonMode.DecimalPlaces),
                    };
                    break;
                default:
                    return (null, null, null, Format(UnknownOptionFormat, arg));
            }
        }

        if (answer is null)
        {
            return (null, null, null, MissingAnswer);
        }

        return expect is null ? (null, null, null, MissingExpect) : (answer, expect, options with { Mode = mode ?? options.Mode }, null);
    }

    private static ComparisonMode? ParseMode(string text) => text.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant() switch
    {
        "AUTO" => ComparisonMode.Auto,
        "EXACT" => ComparisonMode.Exact,
        "RELATIVE" => ComparisonMode.Relative,
        "ABSOLUTE" => ComparisonMode.Absolute,
        "SIGNIFICANTFIGURES" or "SIGFIGS" => ComparisonMode.SignificantFigures,
        "DECIMALPLACES" or "DECIMALS" => ComparisonMode.DecimalPlaces,
        _ => null,
    };

    private static string ErrorJson(int line, string message) => JsonSerializer.Serialize(new LineErrorOutput(message, line), Json);

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    private sealed record CheckRequest(string? Answer, string? Expect, AnswerOptions? Options);

    private sealed record KeyErrorOutput(string Error, string? Reason, string? Message, int? Position);

    private sealed record LineErrorOutput(string Error, int Line);
}

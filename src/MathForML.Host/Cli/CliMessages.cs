namespace MathForML.Host.Cli;

/// <summary>Texts of the command-line interface.</summary>
internal static class CliMessages
{
    public const string Usage = """
        MathForML: a study-group bot for the math behind machine learning.

        Usage:
          mathforml [run] [--Section:Key=value ...]   Start the bot (the local terminal channel when no platform is configured).
          mathforml check <answer> --expect <value> [--mode M] [--tolerance T] [--sigfigs N] [--decimals N]
          mathforml check --jsonl                      Judge {"answer","expect","options"} lines from stdin.
          mathforml render <latex> -o <file.png> [--display] [--theme light|dark] [--scale N]
          mathforml render --jsonl <dir>               Render {"name","tex","display"} lines from stdin into <dir>.
          mathforml validate-bank [dir] [--seeds N]    Check every problem in the bank (default config/problems).
          mathforml preview <problem.yml> -o <dir> [--seed N] [--theme light|dark]
                                                       Render a problem's statement, hints and solution to PNGs.
          mathforml help | version

        Exit codes: 0 ok, 1 failure, 2 usage error, 3 configuration error.
        """;

    public const string UnknownVerbFormat = "Unknown command '{0}'. Run 'mathforml help' for the list.";
}

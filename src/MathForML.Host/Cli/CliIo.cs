namespace MathForML.Host.Cli;

/// <summary>
/// The process's streams and working directory, passed in so the whole program runs in tests
/// with strings instead of a terminal.
/// </summary>
public sealed record CliIo(TextReader In, TextWriter Out, TextWriter Error, bool InputIsInteractive, string WorkingDirectory)
{
    public static CliIo FromConsole() =>
        new(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected, Directory.GetCurrentDirectory());
}

/// <summary>Process exit codes; documented in the README.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Configuration = 3;

    /// <summary>A chat platform stopped for good (rejected token, fatal close code) while the bot ran.</summary>
    public const int PlatformStopped = 4;
}

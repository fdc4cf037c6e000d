namespace MathForML.Host.Hosting;

/// <summary>How the host itself behaves (the <c>Host</c> section).</summary>
internal sealed class BotHostOptions
{
    public const string SectionName = "Host";

    /// <summary>
    /// When a platform stops for good (rejected token, fatal close code), keep serving the other
    /// platforms instead of exiting with <see cref="Cli.ExitCodes.PlatformStopped"/>. With nothing
    /// left serving the host exits all the same.
    /// </summary>
    public bool KeepRunningWhenAPlatformStops { get; set; }
}

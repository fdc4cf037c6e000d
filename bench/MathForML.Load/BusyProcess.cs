using System.Diagnostics;

namespace MathForML.Load;

/// <summary>A process that only burns a core (<c>yes &gt; /dev/null</c>), to compete with the bot for the CPU.</summary>
internal static class BusyProcess
{
    public static BotProcess Start(string scratch, int index)
    {
        var work = Path.Combine(scratch, "busy-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(work);
        // exec: the pid the harness holds is yes itself, so stopping it stops the burner.
        return BotProcess.StartCommand(new ProcessStartInfo("/bin/sh", ["-c", "exec yes > /dev/null"]) { WorkingDirectory = work }, "busy", work);
    }
}

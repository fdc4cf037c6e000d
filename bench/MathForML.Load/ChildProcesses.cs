using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MathForML.Load;

/// <summary>
/// Every process the harness starts, so that all of them end with it: on normal exit, on Ctrl+C and on SIGTERM.
/// Only these pids are ever signalled.
/// </summary>
internal static partial class ChildProcesses
{
    private static readonly ConcurrentDictionary<int, Process> Started = new();

    public static Process Start(ProcessStartInfo start)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        Started[process.Id] = process;
        return process;
    }

    /// <summary>SIGTERM, then SIGKILL after <paramref name="grace"/>.</summary>
    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        try
        {
            if (!process.HasExited)
            {
                _ = Kill(process.Id, 15);
                using var waited = new CancellationTokenSource(grace);
                try
                {
                    await process.WaitForExitAsync(waited.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        finally
        {
            Started.TryRemove(process.Id, out _);
        }
    }

    /// <summary>Last resort (Ctrl+C, SIGTERM, process exit): SIGKILL whatever is still running.</summary>
    public static void KillAll()
    {
        foreach (var (pid, process) in Started)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Gone meanwhile.
            }

            Started.TryRemove(pid, out _);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

using System.Runtime.InteropServices;
using MathForML.Load;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
// Ctrl+C or SIGTERM: stop the run, which stops every child; a second Ctrl+C kills them at once.
Console.CancelKeyPress += (_, e) =>
{
    if (stop.IsCancellationRequested)
    {
        ChildProcesses.KillAll();
        return;
    }

    e.Cancel = true;
    Console.Error.WriteLine("stopping: ending the bots and busy processes …");
    stop.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
AppDomain.CurrentDomain.ProcessExit += (_, _) => ChildProcesses.KillAll();

try
{
    var outcome = await Harness.RunAsync(options, Console.Out, stop.Token);
    return outcome.Failed ? 1 : 0;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine(stop.IsCancellationRequested ? "stopped." : "stopped: the time limit was reached.");
    return 3;
}
catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
{
    Console.Error.WriteLine("error: " + exception.Message);
    return 3;
}
finally
{
    ChildProcesses.KillAll();
}

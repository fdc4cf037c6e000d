using Microsoft.Extensions.Options;

namespace MathForML.Core.Concurrency;

/// <summary>How much command work runs at once (section <c>Commands</c>).</summary>
public sealed class CommandWorkOptions
{
    public const string SectionName = "Commands";

    public const int MaxWorkerThreads = 64;
    public const int MaxInFlightLimit = 4096;
    public const int MaxQueuedLimit = 100_000;

    /// <summary>Threads that run command handlers (CPU and blocking database work); 0 means one per core, at least 2.</summary>
    public int WorkerThreads { get; set; }

    /// <summary>Commands in progress at once, including those waiting for the network (a reply being sent).</summary>
    public int MaxInFlight { get; set; } = 128;

    /// <summary>Commands accepted and waiting to start; past this, new ones are answered "busy, try again".</summary>
    public int MaxQueued { get; set; } = 10_000;

    internal int EffectiveWorkerThreads => WorkerThreads > 0 ? WorkerThreads : int.Max(2, Environment.ProcessorCount);

    /// <summary>Problems with the values, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (WorkerThreads is < 0 or > MaxWorkerThreads)
        {
            problems.Add($"{SectionName}:WorkerThreads: must be between 0 (one per core) and {MaxWorkerThreads} (was {WorkerThreads}).");
        }

        if (MaxInFlight is < 1 or > MaxInFlightLimit)
        {
            problems.Add($"{SectionName}:MaxInFlight: must be between 1 and {MaxInFlightLimit} (was {MaxInFlight}).");
        }

        if (MaxQueued is < 0 or > MaxQueuedLimit)
        {
            problems.Add($"{SectionName}:MaxQueued: must be between 0 and {MaxQueuedLimit} (was {MaxQueued}).");
        }

        return problems;
    }
}

internal sealed class CommandWorkOptionsValidator : IValidateOptions<CommandWorkOptions>
{
    public ValidateOptionsResult Validate(string? name, CommandWorkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

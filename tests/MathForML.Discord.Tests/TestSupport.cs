using System.Collections.Concurrent;
using System.Diagnostics;
using MathForML.Discord.Gateway;
using MathForML.Discord.Interactions;
using MathForML.Discord.Rest;
using MathForML.Discord.Tests.Loopback;
using MathForML.TestKit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MathForML.Discord.Tests;

/// <summary>A logger that keeps every entry so tests can assert on levels, event ids and text.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId Id, string Text)> _entries = new();

    public IReadOnlyList<(LogLevel Level, EventId Id, string Text)> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((logLevel, eventId, formatter(state, exception) + (exception is null ? "" : " " + exception)));
}

/// <summary>Waiting on signals while a fake clock drives the client's timers.</summary>
internal static class Eventually
{
    /// <summary>Real-time ceiling for any wait: generous, only reached when a test is failing.</summary>
    public static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Waits (without moving the clock) until <paramref name="condition"/> holds.</summary>
    public static async Task HoldsAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > RealTimeout)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(1);
        }
    }

    /// <summary>Advances the fake clock in <paramref name="step"/>s until <paramref name="condition"/> holds,
    /// giving the client's I/O a moment between steps.</summary>
    public static async Task<TimeSpan> PumpUntilAsync(FakeTimeProvider clock, Func<bool> condition, TimeSpan step, string what,
        TimeSpan? maxFakeTime = null)
    {
        var watch = Stopwatch.StartNew();
        var advanced = TimeSpan.Zero;
        while (!condition())
        {
            if (watch.Elapsed > RealTimeout || (maxFakeTime is { } max && advanced > max))
            {
                throw new TimeoutException($"Timed out ({advanced} fake) waiting for: {what}");
            }

            clock.Advance(step);
            advanced += step;
            await Task.Delay(2);
        }

        return advanced;
    }

    /// <summary>Advances the clock until <paramref name="task"/> completes, then returns its result.</summary>
    public static async Task<T> PumpAsync<T>(FakeTimeProvider clock, Task<T> task, TimeSpan step)
    {
        await PumpUntilAsync(clock, () => task.IsCompleted, step, "task completion");
        return await task;
    }
}

/// <summary>Builds clients wired to a loopback server.</summary>
internal static class Clients
{
    public static DiscordOptions Options(LoopbackDiscord server, Action<DiscordOptions>? configure = null)
    {
        var options = new DiscordOptions
        {
            Token = LoopbackDiscord.Token,
            ApplicationId = LoopbackDiscord.ApplicationId,
            ApiBaseUrl = server.ApiBaseUrl,
            RequestTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        return options;
    }

    public static DiscordRestClient Rest(LoopbackDiscord server, TimeProvider clock, ILogger? logger = null,
        RestTuning? tuning = null, Action<DiscordOptions>? configure = null) =>
        new(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, Microsoft.Extensions.Options.Options.Create(Options(server, configure)),
            clock, logger, tuning ?? new RestTuning());

    public static DiscordGatewayClient Gateway(LoopbackDiscord server, FakeTimeProvider clock, ILogger? logger = null,
        Action<DiscordOptions>? configure = null, double jitter = 0.5, IdentifyLimiter? identifyLimiter = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options(server, configure));
        var rest = new DiscordRestClient(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, options, clock, logger, new RestTuning());
        return new DiscordGatewayClient(rest, options, clock, identifyLimiter ?? new IdentifyLimiter(clock), logger, () => jitter);
    }

    public static InteractionResponder Responder(DiscordRestClient rest, TimeProvider clock, ILogger<InteractionResponder>? logger = null) =>
        new(rest, Microsoft.Extensions.Options.Options.Create(new DiscordOptions { InteractionDeferAfter = TimeSpan.FromSeconds(2) }), clock, logger);
}

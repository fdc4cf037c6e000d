using System.Collections.Concurrent;
using System.Text.Json;
using MathForML.Slack.SocketMode;
using MathForML.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace MathForML.Slack.Adapter;

/// <summary>
/// Takes deliveries from either transport (Socket Mode envelopes, HTTP-mode requests) to <see cref="SlackInteractions"/>:
/// parses them, bounds how many run at once, contains failures (one bad delivery is logged and skipped, and still
/// acknowledged) and lets shutdown wait for deliveries in progress.
/// </summary>
public sealed class SlackEventRouter(SlackInteractions interactions, SlackAdapterTuning tuning, TimeProvider time, ILogger<SlackEventRouter> logger) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(tuning.MaxConcurrentDeliveries, tuning.MaxConcurrentDeliveries);
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private long _next;

    /// <summary>Deliveries in progress.</summary>
    public int Running => _running.Count;

    /// <summary>Starts handling a Socket Mode envelope; returns the handling task (already tracked).</summary>
    public Task RouteAsync(SocketModeEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var ack = new SocketModeAck(envelope);
        return envelope.Type switch
        {
            SocketEnvelopeType.SlashCommands => RouteSlashCommand(envelope.Payload, ack, cancellationToken),
            SocketEnvelopeType.Interactive => RouteInteraction(envelope.Payload, ack, cancellationToken),
            _ => RouteEvent(envelope.Payload, ack, cancellationToken),
        };
    }

    public Task RouteSlashCommand(SlashCommand command, ISlackAck ack, CancellationToken cancellationToken) =>
        Track("slash command", ack, ct => interactions.HandleSlashCommandAsync(command, ack, ct), cancellationToken);

    public Task RouteSlashCommand(JsonElement payload, ISlackAck ack, CancellationToken cancellationToken)
    {
        var command = SlashCommandParser.FromJson(payload);
        return command.IsSuccess ? RouteSlashCommand(command.Value, ack, cancellationToken) : Unreadable("slash command", command.Error, ack, cancellationToken);
    }

    public Task RouteInteraction(JsonElement payload, ISlackAck ack, CancellationToken cancellationToken)
    {
        var interaction = InteractivePayloadParser.Parse(payload);
        return interaction.IsSuccess
            ? Track("interactive", ack, ct => interactions.HandleInteractionAsync(interaction.Value, ack, ct), cancellationToken)
            : Unreadable("interactive", interaction.Error, ack, cancellationToken);
    }

    /// <summary>Events need no reply in the acknowledgement: acknowledged at once, handled afterwards.</summary>
    public async Task RouteEvent(JsonElement payload, ISlackAck ack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ack);
        await ack.AckAsync(null, cancellationToken);
        var callback = EventCallbackParser.Parse(payload);
        if (!callback.IsSuccess)
        {
            SlackAdapterLog.UnreadableDelivery(logger, "event", callback.Error.ToString());
            return;
        }

        await Track("event", ack, ct => interactions.HandleEventAsync(callback.Value, ct), cancellationToken);
    }

    /// <summary>Waits (up to the drain timeout) for deliveries in progress.</summary>
    public async Task DrainAsync()
    {
        var pending = _running.Values.ToArray();
        try
        {
            await Task.WhenAll(pending).WaitAsync(tuning.DrainTimeout, time);
        }
        catch (TimeoutException)
        {
            SlackAdapterLog.DrainTimedOut(logger, _running.Count);
        }
    }

    public void Dispose() => _slots.Dispose();

    private async Task Unreadable(string kind, WireError error, ISlackAck ack, CancellationToken cancellationToken)
    {
        SlackAdapterLog.UnreadableDelivery(logger, kind, error.ToString());
        await ack.AckAsync(null, cancellationToken);
    }

    private Task Track(string kind, ISlackAck ack, Func<CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _next);
        var task = RunAsync(kind, ack, handle, cancellationToken);
        _running[id] = task;
        _ = task.ContinueWith(_ => _running.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    private async Task RunAsync(string kind, ISlackAck ack, Func<CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await handle(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // One failing delivery must not stop the receive loop or the host: log it and move on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            SlackAdapterLog.DeliveryFailed(logger, exception, kind);
            try
            {
                await ack.AckAsync(null, CancellationToken.None); // a no-op if it was already acknowledged
            }
#pragma warning disable CA1031
            catch (Exception)
#pragma warning restore CA1031
            {
                // The connection is gone; Slack redelivers and the duplicate is acknowledged then.
            }
        }
        finally
        {
            _slots.Release();
        }
    }
}

using MathForML.Core.Commands;
using MathForML.Core.Concurrency;
using MathForML.Core.Chat;
using System.Text.Json;
using MathForML.Slack.SocketMode;
using MathForML.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace MathForML.Slack.Adapter;

/// <summary>
/// Takes deliveries from either transport (Socket Mode envelopes, HTTP-mode requests) and acknowledges each on the
/// receive path, before any work: with the reply itself when it needs no state (help, a line that does not parse),
/// with a form's field errors, or empty. The work then runs on Core's <see cref="CommandWorkPool"/> and its reply goes
/// through <see cref="SlackReplies"/> (response_url, else the Web API), so neither a slow handler nor a busy pool can
/// make Slack wait past 3 s, and no reply depends on an acknowledgement that may already be gone. One bad delivery is
/// logged and skipped (and still acknowledged).
/// </summary>
public sealed class SlackEventRouter(
    SlackInteractions interactions, SlackReplies replies, CommandWorkPool pool, SlackAdapterTuning tuning, ILogger<SlackEventRouter> logger)
{
    /// <summary>Deliveries accepted and not finished (the pool is shared with the other platforms).</summary>
    public int Running => pool.InFlight;

    /// <summary>Acknowledges a Socket Mode envelope and starts its work; returns the acknowledgement (tests wait on it).</summary>
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

    public Task RouteSlashCommand(JsonElement payload, ISlackAck ack, CancellationToken cancellationToken)
    {
        var command = SlashCommandParser.FromJson(payload);
        return command.IsSuccess ? RouteSlashCommand(command.Value, ack, cancellationToken) : Unreadable("slash command", command.Error, ack, cancellationToken);
    }

    public Task RouteSlashCommand(SlashCommand command, ISlackAck ack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(ack);
        var line = SlackInteractions.CommandLine(command.Text);
        var name = SlackInteractions.CommandName(line);
        if (_answeredAtOnce.TryGetValue(line, out var known))
        {
            return AnswerAtOnceAsync(command, known, ack, name, cancellationToken);
        }

        var immediate = interactions.TryAnswerAtOnce(command, out var parsed);
        if (immediate is not null)
        {
            return AnswerAtOnceAsync(command, Remember(line, immediate), ack, name, cancellationToken);
        }

        // Submitted before the acknowledgement starts, so once Slack has the ack, shutdown waits for the work too.
        Submit(name, command.UserId, SlackInteractions.TargetOf(command), ct => interactions.RunSlashCommandAsync(command, parsed!, ct));
        return ack.AckAsync(null, cancellationToken);
    }

    public Task RouteInteraction(JsonElement payload, ISlackAck ack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ack);
        var interaction = InteractivePayloadParser.Parse(payload);
        if (!interaction.IsSuccess)
        {
            return Unreadable("interactive", interaction.Error, ack, cancellationToken);
        }

        switch (interaction.Value)
        {
            case BlockActions actions:
                var target = actions.ChannelId is { } channel ? new ReplyTarget(channel, actions.ThreadTs, actions.UserId, actions.ResponseUrl) : null;
                Submit("button", actions.UserId, target, ct => interactions.RunBlockActionsAsync(actions, ct));
                return ack.AckAsync(null, cancellationToken);
            case ViewSubmission submission:
                var (errors, command, metadata) = SlackInteractions.CheckSubmission(submission);
                if (command is not null && metadata is not null)
                {
                    var formTarget = new ReplyTarget(metadata.ChannelId, metadata.ThreadTs, submission.UserId, metadata.ResponseUrl);
                    Submit("/" + command.Definition.Path, submission.UserId, formTarget, ct => interactions.RunSubmissionAsync(submission, command, metadata, ct));
                }

                return ack.AckAsync(errors, cancellationToken);
            default:
                return ack.AckAsync(null, cancellationToken);
        }
    }

    /// <summary>Events need no reply in the acknowledgement: acknowledged at once, handled on a worker.</summary>
    public Task RouteEvent(JsonElement payload, ISlackAck ack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ack);
        var callback = EventCallbackParser.Parse(payload);
        if (!callback.IsSuccess)
        {
            SlackAdapterLog.UnreadableDelivery(logger, "event", callback.Error.ToString());
            return ack.AckAsync(null, cancellationToken);
        }

        // A full pool logs the event it turned away; events have no one to tell.
        pool.TrySubmit("event", callback.Value.Message?.UserId ?? "", ct => interactions.HandleEventAsync(callback.Value, ct));
        return ack.AckAsync(null, cancellationToken);
    }

    /// <summary>Rounds of <see cref="WarmUpAsync"/>: past the JIT's 30-call threshold, so the path gets its optimized code.</summary>
    public const int WarmUpRounds = 40;

    /// <summary>
    /// Runs the acknowledgement path of a <c>/mfml help</c> (parse, answer, render, payload) without sending anything,
    /// before the adapter connects: the first burst after a start is then acknowledged as fast as later ones instead
    /// of waiting for the JIT (measured: p99 71 ms cold against 15–31 ms warm for 200 at once).
    /// </summary>
    public async Task WarmUpAsync()
    {
        using var document = JsonDocument.Parse("""
            {"command":"/mfml","text":"help","user_id":"U0WARMUP","user_name":"warm-up","channel_id":"C0WARMUP","team_id":"T0WARMUP","response_url":"https://hooks.slack.invalid/warm-up","trigger_id":"0.0.0"}
            """);
        var ack = new DiscardingAck();
        for (var round = 0; round < WarmUpRounds; round++)
        {
            // Only a command answered without state: nothing may reach a worker, Slack or the database.
            var command = SlashCommandParser.FromJson(document.RootElement);
            if (!command.IsSuccess || interactions.TryAnswerAtOnce(command.Value, out _) is not { } reply)
            {
                return;
            }

            await AnswerAtOnceAsync(command.Value, Remember(SlackInteractions.CommandLine(command.Value.Text), reply), ack, "/help", CancellationToken.None);
        }
    }

    /// <summary>Takes the warm-up's acknowledgements (and so its replies) and sends nothing.</summary>
    private sealed class DiscardingAck : ISlackAck
    {
        public bool AcceptsPayload => true;

        public Task<bool> AckAsync(JsonElement? payload, CancellationToken cancellationToken)
        {
            if (payload is { } body)
            {
                _ = System.Text.Encoding.UTF8.GetByteCount(body.GetRawText());
            }

            return Task.FromResult(true);
        }
    }

    /// <summary>Waits (up to the drain timeout) for deliveries in progress.</summary>
    public Task DrainAsync() => pool.DrainAsync(tuning.DrainTimeout);

    /// <summary>A reply that needs no state rides on the acknowledgement when Slack takes one; if that acknowledgement
    /// did not go out (the safety net was first, the connection dropped), the reply goes by response_url instead.</summary>
    private async Task AnswerAtOnceAsync(SlashCommand command, AtOnceAnswer answer, ISlackAck ack, string name, CancellationToken cancellationToken)
    {
        var reply = answer.Reply;
        if (answer.Payload is { } payload && ack.AcceptsPayload)
        {
            if (await ack.AckAsync(payload, cancellationToken))
            {
                return;
            }
        }
        else
        {
            await ack.AckAsync(null, cancellationToken);
        }

        pool.Track(replies.DeliverAsync(SlackInteractions.TargetOf(command), reply, name, pool.Stopping), name, command.UserId);
    }

    /// <summary>An answer that needs no state, with its acknowledgement payload when it can ride on one.</summary>
    private sealed record AtOnceAnswer(ChatReply Reply, JsonElement? Payload);

    /// <summary>Such answers depend on the typed line alone, so each is rendered once (help is ~160 KB of work).</summary>
    private const int MaxRememberedAnswers = 256;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AtOnceAnswer> _answeredAtOnce = new(StringComparer.Ordinal);

    private AtOnceAnswer Remember(string line, ChatReply reply)
    {
        SlackAttachments.CheckLimits(reply.Content); // a bug in Core: found before the acknowledgement
        var answer = new AtOnceAnswer(reply, reply is { Ephemeral: true, Content.Files.Count: 0 }
            ? SlackBlocks.ResponsePayload(SlackBlocks.Render(reply.Content, imagesAsText: true), ephemeral: true)
            : null);
        if (_answeredAtOnce.Count >= MaxRememberedAnswers)
        {
            _answeredAtOnce.Clear();
        }

        _answeredAtOnce[line] = answer;
        return answer;
    }

    private void Submit(string name, string user, ReplyTarget? target, Func<CancellationToken, Task> work)
    {
        if (pool.TrySubmit(name, user, work))
        {
            return;
        }

        if (target is not null)
        {
            pool.Track(replies.DeliverAsync(target, ChatReply.Text(CommandMessages.Busy, ephemeral: true), name, pool.Stopping), name, user);
        }
    }

    private Task<bool> Unreadable(string kind, WireError error, ISlackAck ack, CancellationToken cancellationToken)
    {
        SlackAdapterLog.UnreadableDelivery(logger, kind, error.ToString());
        return ack.AckAsync(null, cancellationToken);
    }
}

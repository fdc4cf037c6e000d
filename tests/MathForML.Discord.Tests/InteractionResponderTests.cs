using MathForML.Discord.Interactions;
using MathForML.Discord.Rest;
using MathForML.Discord.Tests.Loopback;
using MathForML.TestKit;

namespace MathForML.Discord.Tests;

public sealed class InteractionResponderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private LoopbackDiscord _server = null!;
    private InteractionResponder _responder = null!;
    private static int _nextId = 5000;

    public async Task InitializeAsync()
    {
        _server = await LoopbackDiscord.StartAsync(_clock);
        _responder = Clients.Responder(Clients.Rest(_server, _clock), _clock);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Interaction NewInteraction(InteractionType type = InteractionType.ApplicationCommand)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Interaction
        {
            Id = id,
            ApplicationId = LoopbackDiscord.ApplicationId,
            Type = type,
            Token = $"itoken-{id}",
            User = new DiscordUser { Id = "42" },
            Command = type is InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete ? new CommandData("9", "answer", []) : null,
            Component = type == InteractionType.MessageComponent ? new ComponentData("rsvp", ComponentType.Button, []) : null,
        };
    }

    private IReadOnlyList<RestRecord> RequestsFor(Interaction interaction) =>
        [.. _server.Requests.Where(r => r.Route.Contains(interaction.Token, StringComparison.Ordinal))];

    private static int CallbackType(RestRecord record) => record.Json!.Value.GetProperty("type").GetInt32();

    [Fact]
    public async Task A_fast_handler_answers_once_with_a_message_and_no_defer()
    {
        var interaction = NewInteraction();

        var result = await _responder.HandleAsync(interaction, (ctx, ct) => ctx.ReplyAsync(new MessageContent { Content = "Correct" }, ephemeral: true, ct));

        Assert.Equal((InitialResponseKind.Message, false), (result.InitialResponse, result.AutoDeferred));
        var request = Assert.Single(RequestsFor(interaction));
        Assert.Equal(4, CallbackType(request));
        Assert.Equal(64, request.Json!.Value.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(1, _server.CallbacksFor(interaction.Id));
    }

    [Fact]
    public async Task A_slow_handler_is_deferred_at_the_threshold_then_edits_the_original()
    {
        var interaction = NewInteraction();
        var release = new TaskCompletionSource();
        var receivedAt = _clock.GetUtcNow();

        var handling = _responder.HandleAsync(interaction, async (ctx, ct) =>
        {
            await release.Task;
            await ctx.ReplyAsync(new MessageContent { Content = "Rendered problem" }, cancellationToken: ct);
        }, DeferStyle.EphemeralMessage);
        _clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Empty(RequestsFor(interaction));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.HoldsAsync(() => RequestsFor(interaction).Count == 1, "the deferral");
        release.SetResult();
        var result = await handling.WaitAsync(Eventually.RealTimeout);

        Assert.Equal((InitialResponseKind.Deferred, true), (result.InitialResponse, result.AutoDeferred));
        var requests = RequestsFor(interaction);
        Assert.Equal(2, requests.Count);
        Assert.Equal(5, CallbackType(requests[0]));
        Assert.Equal(64, requests[0].Json!.Value.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(("PATCH", $"webhooks/{LoopbackDiscord.ApplicationId}/{interaction.Token}/messages/@original"), (requests[1].Method, requests[1].Route));
        Assert.Equal(1, _server.CallbacksFor(interaction.Id));
        Assert.Equal(TimeSpan.FromSeconds(2), requests[0].At - receivedAt);
        Assert.True(requests[0].At - receivedAt < InteractionResponder.InitialResponseDeadline);
    }

    [Fact]
    public async Task Replies_after_the_edited_original_become_follow_ups()
    {
        var interaction = NewInteraction();
        var release = new TaskCompletionSource();

        var handling = _responder.HandleAsync(interaction, async (ctx, ct) =>
        {
            await release.Task;
            await ctx.ReplyAsync(new MessageContent { Content = "first" }, cancellationToken: ct);
            await ctx.ReplyAsync(new MessageContent { Content = "second" }, ephemeral: true, ct);
        });
        _clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.HoldsAsync(() => RequestsFor(interaction).Count == 1, "the deferral");
        release.SetResult();
        await handling.WaitAsync(Eventually.RealTimeout);

        var requests = RequestsFor(interaction);
        Assert.Equal(["POST", "PATCH", "POST"], requests.Select(r => r.Method));
        Assert.Equal($"webhooks/{LoopbackDiscord.ApplicationId}/{interaction.Token}", requests[2].Route);
        Assert.Equal(64, requests[2].Json!.Value.GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task A_slow_component_handler_gets_a_deferred_update_then_edits_the_message()
    {
        var interaction = NewInteraction(InteractionType.MessageComponent);
        var release = new TaskCompletionSource();

        var handling = _responder.HandleAsync(interaction, async (ctx, ct) =>
        {
            await release.Task;
            await ctx.UpdateMessageAsync(new MessageContent { Content = "RSVP: 4 going" }, ct);
        });
        _clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.HoldsAsync(() => RequestsFor(interaction).Count == 1, "the deferral");
        release.SetResult();
        var result = await handling.WaitAsync(Eventually.RealTimeout);

        Assert.Equal(InitialResponseKind.DeferredUpdate, result.InitialResponse);
        var requests = RequestsFor(interaction);
        Assert.Equal(6, CallbackType(requests[0]));
        Assert.Equal("PATCH", requests[1].Method);
    }

    [Fact]
    public async Task A_fast_component_handler_updates_the_message_in_the_initial_response()
    {
        var interaction = NewInteraction(InteractionType.MessageComponent);

        await _responder.HandleAsync(interaction, (ctx, ct) => ctx.UpdateMessageAsync(new MessageContent { Content = "marked read" }, ct));

        Assert.Equal(7, CallbackType(Assert.Single(RequestsFor(interaction))));
    }

    [Fact]
    public async Task A_modal_after_a_deferral_is_refused_and_nothing_is_answered_twice()
    {
        var interaction = NewInteraction();
        var release = new TaskCompletionSource();
        DiscordResult? modal = null;

        var handling = _responder.HandleAsync(interaction, async (ctx, ct) =>
        {
            await release.Task;
            modal = await ctx.ShowModalAsync(new ModalDefinition("m", "Answer", [Component.ActionRow(Component.TextInput("v", "Value"))]), ct);
        });
        _clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.HoldsAsync(() => RequestsFor(interaction).Count == 1, "the deferral");
        release.SetResult();
        await handling.WaitAsync(Eventually.RealTimeout);

        Assert.Equal(DiscordErrorKind.InteractionCannotDefer, modal!.Error!.Kind);
        Assert.Single(RequestsFor(interaction));
    }

    [Fact]
    public async Task A_second_initial_response_is_refused_locally()
    {
        var interaction = NewInteraction();
        DiscordResult? second = null;

        await _responder.HandleAsync(interaction, async (ctx, ct) =>
        {
            await ctx.ShowModalAsync(new ModalDefinition("m", "Answer", [Component.ActionRow(Component.TextInput("v", "Value"))]), ct);
            second = await ctx.AutocompleteAsync([new AutocompleteChoice("a", "a")], ct);
        });

        Assert.Equal(DiscordErrorKind.InteractionAlreadyAnswered, second!.Error!.Kind);
        Assert.Equal(9, CallbackType(Assert.Single(RequestsFor(interaction))));
    }

    [Fact]
    public async Task Autocomplete_is_never_deferred()
    {
        var interaction = NewInteraction(InteractionType.ApplicationCommandAutocomplete);
        var release = new TaskCompletionSource();

        var handling = _responder.HandleAsync(interaction, async (ctx, ct) =>
        {
            await release.Task;
            await ctx.AutocompleteAsync([new AutocompleteChoice("Pattern Recognition and Machine Learning", "prml")], ct);
        });
        _clock.Advance(TimeSpan.FromSeconds(2.5));
        release.SetResult();
        var result = await handling.WaitAsync(Eventually.RealTimeout);

        Assert.False(result.AutoDeferred);
        Assert.Equal(8, CallbackType(Assert.Single(RequestsFor(interaction))));
    }

    [Fact]
    public async Task A_failing_handler_after_a_deferral_edits_in_an_apology_and_reports_the_error()
    {
        var interaction = NewInteraction();
        var release = new TaskCompletionSource();

        var handling = _responder.HandleAsync(interaction, async (ctx, ct) =>
        {
            await release.Task;
            throw new InvalidOperationException("renderer crashed");
        });
        _clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.HoldsAsync(() => RequestsFor(interaction).Count == 1, "the deferral");
        release.SetResult();
        var result = await handling.WaitAsync(Eventually.RealTimeout);

        Assert.IsType<InvalidOperationException>(result.HandlerError);
        var edit = RequestsFor(interaction)[1];
        Assert.Equal("PATCH", edit.Method);
        Assert.Equal(DiscordMessages.HandlerFailedReply, edit.Json!.Value.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Replies_after_the_token_window_fail_without_calling_discord()
    {
        var interaction = NewInteraction();
        var release = new TaskCompletionSource();
        DiscordResult? late = null;
        InteractionReplyContext? context = null;

        var handling = _responder.HandleAsync(interaction, async (ctx, ct) =>
        {
            context = ctx;
            await release.Task;
            late = await ctx.ReplyAsync(new MessageContent { Content = "too late" }, cancellationToken: ct);
        });
        _clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.HoldsAsync(() => context?.InitialResponseTask is { IsCompleted: true }, "the deferral");
        _clock.Advance(InteractionResponder.TokenLifetime);
        release.SetResult();
        await handling.WaitAsync(Eventually.RealTimeout);

        Assert.Equal(DiscordErrorKind.InteractionTokenExpired, late!.Error!.Kind);
        Assert.Single(RequestsFor(interaction));
    }

    [Fact]
    public async Task Many_concurrent_interactions_each_get_exactly_one_initial_response()
    {
        var interactions = Enumerable.Range(0, 50).Select(_ => NewInteraction()).ToList();
        var release = new TaskCompletionSource();

        var handlings = interactions.Select((interaction, i) => _responder.HandleAsync(interaction, async (ctx, ct) =>
        {
            if (i % 2 == 0)
            {
                await release.Task;
            }

            await ctx.ReplyAsync(new MessageContent { Content = $"reply {i}" }, cancellationToken: ct);
        })).ToArray();
        await Eventually.HoldsAsync(() => interactions.Where((_, i) => i % 2 == 1).All(x => _server.CallbacksFor(x.Id) == 1), "fast replies");
        _clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.HoldsAsync(() => interactions.All(x => _server.CallbacksFor(x.Id) == 1), "deferrals");
        release.SetResult();
        var results = await Task.WhenAll(handlings).WaitAsync(Eventually.RealTimeout);

        Assert.All(interactions, x => Assert.Equal(1, _server.CallbacksFor(x.Id)));
        Assert.Equal(25, results.Count(r => r.AutoDeferred));
        Assert.Equal(25, _server.Requests.Count(r => r.Method == "PATCH"));
    }
}

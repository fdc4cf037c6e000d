using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Concurrency;
using Microsoft.Extensions.DependencyInjection;
using MathForML.Discord.Interactions;

namespace MathForML.Discord.Tests.Adapter;

/// <summary>
/// Commands that need their handler are deferred on the receive path, before the handler runs and without waiting
/// for any timer, with the right visibility; then the reply edits the deferral; expired tokens; a saturated pool.
/// </summary>
public sealed class BotDeferralTests : BotTestBase
{

    private async Task<string> SendSlowAsync(TestHandler handler, TaskCompletionSource<ChatReply> release, object command)
    {
        handler.Behaviour = _ => release.Task;
        var token = NewToken(out var id);
        await Server.DispatchInteractionAsync(token, Channel, Interaction(id, token, 2, command));
        await Eventually.HoldsAsync(() => handler.Received.Count == 1, "the handler to start");
        await Eventually.HoldsAsync(() => RequestsFor(token).Count == 1, "the deferral, with no clock step");
        await RestQuietAsync();
        return token;
    }

    [Fact]
    public async Task A_slow_private_command_defers_ephemerally_then_edits_the_original()
    {
        var release = new TaskCompletionSource<ChatReply>();
        var token = await SendSlowAsync(Handlers.Hint, release, Slash("hint"));

        var defer = Callback(token);
        Assert.Equal(5, defer.Json!.Value.GetProperty("type").GetInt32());
        Assert.True(IsEphemeral(CallbackData(defer)));
        release.SetResult(ChatReply.Text("Hint: late", ephemeral: true));
        await IdleAsync();

        var edit = Assert.Single(RequestsFor(token), r => r.Method == "PATCH");
        Assert.Equal("Hint: late", Content(edit));
        Assert.Equal(2, RequestsFor(token).Count);
    }

    [Fact]
    public async Task A_slow_public_command_defers_publicly_then_edits_the_original_and_opens_its_thread()
    {
        var release = new TaskCompletionSource<ChatReply>();
        var token = await SendSlowAsync(Handlers.Problem, release, Slash("leaderboard"));

        var defer = Callback(token).Json!.Value;
        Assert.Equal(5, defer.GetProperty("type").GetInt32());
        Assert.False(defer.TryGetProperty("data", out var data) && IsEphemeral(data));
        release.SetResult(new ChatReply { Content = MessageContent.FromText("Problem 4"), ThreadTitle = "Problem 4" });
        await IdleAsync();

        Assert.Equal("Problem 4", Content(Assert.Single(RequestsFor(token), r => r.Method == "PATCH")));
        Assert.Single(Server.Requests, r => r.Route.EndsWith("/threads", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_private_reply_after_a_public_deferral_replaces_the_deferred_message_with_an_ephemeral_follow_up()
    {
        var release = new TaskCompletionSource<ChatReply>();
        var token = await SendSlowAsync(Handlers.Problem, release, Slash("leaderboard"));
        release.SetResult(ChatReply.Text("There is no problem yet.", ephemeral: true));
        await IdleAsync();

        var calls = RequestsFor(token).Select(r => r.Method).ToList();
        Assert.Equal(["POST", "DELETE", "POST"], calls);
        var followUp = RequestsFor(token)[2];
        Assert.Equal("There is no problem yet.", Content(followUp));
        Assert.True(IsEphemeral(followUp.Json!.Value));
        Assert.DoesNotContain(RequestsFor(token), r => r.Method == "PATCH");
    }

    [Fact]
    public async Task A_reply_after_the_token_expired_is_logged_not_thrown()
    {
        var release = new TaskCompletionSource<ChatReply>();
        var token = await SendSlowAsync(Handlers.Hint, release, Slash("hint"));
        Clock.Advance(InteractionResponder.TokenLifetime);
        release.SetResult(ChatReply.Text("too late", ephemeral: true));

        // The handler's continuation runs on the thread pool: wait for its log line, not just for idleness.
        await Eventually.HoldsAsync(() => Logger.Entries.Any(e => e.Id.Id == 4004 && e.Text.Contains("InteractionTokenExpired", StringComparison.Ordinal)), "the expired-token log line");
        await IdleAsync();
        Assert.Single(RequestsFor(token));
    }
}

/// <summary>More commands than the workers take at once: every one is still deferred at once, the overflow is told
/// the bot is busy, and the rest are answered when a slot frees up.</summary>
public sealed class BotSaturationTests : BotTestBase
{
    internal override void ConfigureServices(IServiceCollection services) =>
        services.Configure<CommandWorkOptions>(o => (o.MaxInFlight, o.MaxQueued) = (1, 1));

    [Fact]
    public async Task A_saturated_pool_still_defers_every_interaction_at_once_and_answers_the_overflow_busy()
    {
        var release = new TaskCompletionSource<ChatReply>();
        Handlers.Hint.Behaviour = _ => release.Task;
        var running = await DispatchAsync();
        await Eventually.HoldsAsync(() => Handlers.Hint.Received.Count == 1, "the first handler to hold the only slot");

        var queued = await DispatchAsync();
        var turnedAway = await DispatchAsync();
        await Eventually.HoldsAsync(() => Answered(turnedAway), "the overflow's answer");

        Assert.All([running, queued, turnedAway], t => Assert.Equal(5, Callback(t).Json!.Value.GetProperty("type").GetInt32()));
        Assert.Equal(CommandMessages.Busy, Content(Answer(turnedAway)));
        Assert.Single(Handlers.Hint.Received);
        Assert.False(Answered(queued));

        release.SetResult(ChatReply.Text("Hint: split at x = 0.", ephemeral: true));
        await Eventually.HoldsAsync(() => Answered(queued), "the queued command's answer");
        await IdleAsync();
        Assert.Equal("Hint: split at x = 0.", Content(Answer(queued)));
        Assert.Equal(2, Handlers.Hint.Received.Count);
    }

    private async Task<string> DispatchAsync()
    {
        var token = NewToken(out var id);
        await Server.DispatchInteractionAsync(token, Channel, Interaction(id, token, 2, Slash("hint")));
        await Eventually.HoldsAsync(() => RequestsFor(token).Count > 0, "the deferral, with no clock step");
        return token;
    }
}

using MathForML.Core.Chat;
using MathForML.Discord.Interactions;

namespace MathForML.Discord.Tests.Adapter;

/// <summary>Slow handlers: deferral at the threshold with the right visibility, then the reply; expired tokens.</summary>
public sealed class BotDeferralTests : BotTestBase
{
    private static readonly TimeSpan Threshold = TimeSpan.FromSeconds(2);

    private async Task<string> SendSlowAsync(TestHandler handler, TaskCompletionSource<ChatReply> release, object command)
    {
        handler.Behaviour = _ => release.Task;
        var token = NewToken(out var id);
        await Server.DispatchInteractionAsync(token, Channel, Interaction(id, token, 2, command));
        await Eventually.HoldsAsync(() => handler.Received.Count == 1, "the handler to start");
        Assert.Empty(RequestsFor(token));
        Clock.Advance(Threshold);
        await Eventually.HoldsAsync(() => RequestsFor(token).Count == 1, "the deferral");
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

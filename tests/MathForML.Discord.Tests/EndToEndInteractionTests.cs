using MathForML.Discord.Interactions;
using MathForML.Discord.Rest;

namespace MathForML.Discord.Tests;

/// <summary>INTERACTION_CREATE over the loopback gateway → parser → responder → callback over REST.</summary>
public sealed class EndToEndInteractionTests : GatewayTestBase
{
    [Fact]
    public async Task A_slash_command_arriving_on_the_gateway_is_answered_once_over_rest()
    {
        await StartAsync();
        var rest = Clients.Rest(Server, Clock);
        var responder = Clients.Responder(rest, Clock);
        Assert.Equal("READY", (await Client.Dispatches.ReadAsync().AsTask().WaitAsync(Eventually.RealTimeout)).Type);

        await Server.DispatchAsync("INTERACTION_CREATE", new
        {
            id = "7001",
            application_id = Loopback.LoopbackDiscord.ApplicationId,
            type = 2,
            token = "e2e-token",
            guild_id = "333333333333333333",
            channel_id = "555555555555555555",
            member = new { user = new { id = "42", username = "ada" }, permissions = "2048" },
            data = new { id = "9", name = "answer", options = new[] { new { name = "value", type = 3, value = "1/2" } } },
        });
        var dispatch = await Client.Dispatches.ReadAsync().AsTask().WaitAsync(Eventually.RealTimeout);
        var parsed = InteractionParser.Parse(dispatch.Data);
        Assert.True(parsed.IsSuccess);
        var result = await responder.HandleAsync(parsed.Interaction!, (ctx, ct) =>
            ctx.ReplyAsync(new MessageContent { Content = $"You answered {ctx.Interaction.Command!.Option("value")!.AsString()}" }, ephemeral: true, ct));

        Assert.Equal("INTERACTION_CREATE", dispatch.Type);
        Assert.Equal(InitialResponseKind.Message, result.InitialResponse);
        Assert.False(parsed.Interaction!.MemberCanManageGuild);
        Assert.Equal(1, Server.CallbacksFor("7001"));
        var callback = Server.Requests.Single(r => r.Route == "interactions/7001/e2e-token/callback");
        Assert.Equal("You answered 1/2", callback.Json!.Value.GetProperty("data").GetProperty("content").GetString());
    }
}

using MathForML.Core.Chat;
using MathForML.Slack.Adapter;
using MathForML.Slack.Tests.Loopback;
using MathForML.TestKit;
using Microsoft.Extensions.Options;

namespace MathForML.Slack.Tests.Adapter;

public sealed class UserDirectoryTests
{
    [Theory]
    [InlineData("U0ADA", MemberRole.Organizer)] // workspace admin
    [InlineData("U0LIST", MemberRole.Organizer)] // Slack:OrganizerUserIds
    [InlineData("U0GRACE", MemberRole.Organizer)] // member of Slack:OrganizerUserGroupId
    [InlineData("U0BOB", MemberRole.Member)]
    public async Task Organizer_rights_come_from_admin_flag_configured_list_or_user_group(string userId, MemberRole expected)
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var clock = new FakeTimeProvider();
        await using var clients = new SlackClients(slack, clock);
        var options = Options.Create(new SlackOptions { OrganizerUserIds = ["U0LIST"], OrganizerUserGroupId = "S0ORGS" });
        var directory = new SlackUserDirectory(clients.WebApi, options, clock);

        Assert.Equal(expected, await directory.RoleAsync(userId, CancellationToken.None));
    }

    [Fact]
    public async Task Profiles_are_cached_for_the_ttl_and_expose_the_time_zone()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var clock = new FakeTimeProvider();
        await using var clients = new SlackClients(slack, clock);
        var directory = new SlackUserDirectory(clients.WebApi, Options.Create(new SlackOptions()), clock);

        Assert.Equal("Europe/London", await directory.TimeZoneAsync("U0ADA", CancellationToken.None));
        await directory.RoleAsync("U0ADA", CancellationToken.None);
        clock.Advance(new SlackAdapterTuning().UserCacheTtl);
        await directory.FindAsync("U0ADA", CancellationToken.None);

        Assert.Equal(2, slack.CallCount("users.info"));
    }
}

using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Commands.Handlers;
using MathForML.Core.Groups;
using MathForML.Core.Problems;
using MathForML.TestKit;

namespace MathForML.Core.Tests.Problems;

/// <summary><c>/problem post</c> as the catalog declares it: an organizers' subcommand of <c>/problem</c>.</summary>
public sealed class ProblemPostCommandTests
{
    private static readonly ConversationRef Channel = new(ChatPlatform.Discord, "guild", "channel");

    [Fact]
    public void Problem_post_is_an_organizers_subcommand_in_the_catalog()
    {
        var post = CommandCatalog.FindPath("problem post");

        Assert.NotNull(post);
        Assert.Equal(CommandAccess.Organizers, post.Access);
        Assert.Contains(CommandCatalog.Leaves(), leaf => leaf.Path == "problem post");
        Assert.Equal(CommandAccess.Everyone, CommandCatalog.Problem.Access);
    }

    [Theory]
    [InlineData(MemberRole.Member, true)]
    [InlineData(MemberRole.Organizer, false)]
    public async Task Problem_post_from_a_member_is_refused_as_organizers_only(MemberRole role, bool refused)
    {
        var groups = new InMemoryGroupStore();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var dispatcher = new CommandDispatcher([new GroupSetupHandler(groups)], groups, new InMemoryMemberStore(), time, new CollectingLogger<CommandDispatcher>());
        var organizer = new CommandContext(Channel, new MemberRef(ChatPlatform.Discord, "1", "Olga"), MemberRole.Organizer);
        await dispatcher.DispatchTextAsync("/group setup Europe/Berlin", organizer, CancellationToken.None);

        var reply = await dispatcher.DispatchTextAsync("/problem post", organizer with { Role = role }, CancellationToken.None);

        var organizersOnly = CommandMessages.OrganizersOnly(CommandCatalog.FindPath("problem post")!);
        Assert.Equal(refused, reply.Content.Text == organizersOnly);
        Assert.True(reply.Ephemeral);
    }

    [Theory]
    [InlineData("2026-11-23T08:59:59+01:00", false)]
    [InlineData("2026-11-23T09:00:00+01:00", true)]
    [InlineData("2026-11-23T23:59:00+01:00", true)]
    public void A_group_set_up_after_todays_posting_time_counts_as_started_after_it(string createdAt, bool after)
    {
        var created = DateTimeOffset.Parse(createdAt, System.Globalization.CultureInfo.InvariantCulture);
        var group = new StudyGroup(1, Channel, "g", "Europe/Berlin", new GroupSettings(), created);

        Assert.Equal(after, DailyProblemPoster.StartedAfterTodaysPost(group, created));
        Assert.False(DailyProblemPoster.StartedAfterTodaysPost(group, created.AddDays(1)));
    }
}

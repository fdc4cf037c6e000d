using MathForML.Core.Chat;
using MathForML.Core.Groups;

namespace MathForML.Core.Commands.Handlers;

/// <summary><c>/group show</c>: the channel's group and its settings.</summary>
public sealed class GroupShowHandler : ICommandHandler
{
    public string Path => "group show";

    public bool RequiresGroup => true;

    public Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var group = request.Group!;
        var zone = TimeZones.Find(group.TimeZoneId) ?? TimeZoneInfo.Utc;
        return Task.FromResult(ChatReply.Text(GroupMessages.Show(group, zone, request.ReceivedAt)));
    }
}

/// <summary><c>/group setup &lt;time-zone&gt; [name]</c>: starts a group in this channel.</summary>
public sealed class GroupSetupHandler(IStudyGroupStore groups, IEnumerable<IGroupChangeListener> listeners) : ICommandHandler
{
    /// <summary>A group without schedules (for adapters' tests that only need the command).</summary>
    public GroupSetupHandler(IStudyGroupStore groups)
        : this(groups, [])
    {
    }

    public string Path => "group setup";

    public bool RequiresGroup => false;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Group is { } existing)
        {
            return ChatReply.Text(GroupMessages.AlreadySetUp(existing), ephemeral: true);
        }

        var zoneId = request.Command.Argument("time-zone")!;
        if (TimeZones.Find(zoneId) is not { } zone)
        {
            return ChatReply.Text(TimeZones.UnknownZoneMessage(zoneId), ephemeral: true);
        }

        var name = request.Command.Argument("name") ?? GroupMessages.DefaultName;
        if (name.Length > GroupMessages.MaxNameLength)
        {
            return ChatReply.Text(GroupMessages.NameTooLong(), ephemeral: true);
        }

        var home = request.Context.Conversation.WithoutThread();
        var group = await groups.TryCreateAsync(new NewStudyGroup(home, name, zone.Id, new GroupSettings(), request.ReceivedAt), cancellationToken);
        if (group is null)
        {
            var winner = await groups.FindByHomeAsync(home, cancellationToken);
            return ChatReply.Text(GroupMessages.AlreadySetUp(winner!), ephemeral: true);
        }

        // A new group starts its schedules (the daily problem) right away.
        foreach (var listener in listeners)
        {
            await listener.GroupChangedAsync(group, request.ReceivedAt, cancellationToken);
        }

        return ChatReply.Text(GroupMessages.Created(group));
    }
}

/// <summary><c>/group timezone &lt;time-zone&gt;</c>: moves the group to another zone.</summary>
public sealed class GroupTimeZoneHandler(IStudyGroupStore groups, IEnumerable<IGroupChangeListener> listeners) : ICommandHandler
{
    public string Path => "group timezone";

    public bool RequiresGroup => true;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var group = request.Group!;
        var zoneId = request.Command.Argument("time-zone")!;
        if (TimeZones.Find(zoneId) is not { } zone)
        {
            return ChatReply.Text(TimeZones.UnknownZoneMessage(zoneId), ephemeral: true);
        }

        if (zone.Id == group.TimeZoneId)
        {
            return ChatReply.Text(GroupMessages.TimeZoneUnchanged(group), ephemeral: true);
        }

        var updated = group with { TimeZoneId = zone.Id };
        await groups.UpdateAsync(updated, cancellationToken);

        // Schedules keep their local wall-clock times, so everything planned ahead moves with the zone.
        foreach (var listener in listeners)
        {
            await listener.GroupChangedAsync(updated, request.ReceivedAt, cancellationToken);
        }

        return ChatReply.Text(GroupMessages.TimeZoneChanged(updated, group.TimeZoneId));
    }
}

/// <summary><c>/group streak &lt;solve|solve-or-read&gt;</c>: which action keeps a member's streak day.</summary>
public sealed class GroupStreakHandler(IStudyGroupStore groups) : ICommandHandler
{
    public string Path => "group streak";

    public bool RequiresGroup => true;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var group = request.Group!;
        var reading = request.Command.Argument("rule") == "solve-or-read";
        if (reading == group.Settings.ReadingCountsForStreaks)
        {
            return ChatReply.Text(string.Format(System.Globalization.CultureInfo.InvariantCulture, GroupMessages.StreakRuleUnchangedFormat, group.Name, GroupMessages.StreakRule(group.Settings)), ephemeral: true);
        }

        var updated = group with { Settings = group.Settings with { ReadingCountsForStreaks = reading } };
        await groups.UpdateAsync(updated, cancellationToken);
        return ChatReply.Text(string.Format(System.Globalization.CultureInfo.InvariantCulture, GroupMessages.StreakRuleFormat, group.Name, GroupMessages.StreakRule(updated.Settings)));
    }
}

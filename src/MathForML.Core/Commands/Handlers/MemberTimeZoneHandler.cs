using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Members;

namespace MathForML.Core.Commands.Handlers;

/// <summary>Texts about a member's own time zone.</summary>
public static class MemberMessages
{
    public const string ShowOwnFormat = "Your time zone is {0}; your streak days run midnight to midnight there.";
    public const string ShowGroupFormat = "You follow the group's time zone ({0}); set your own with `/timezone <time-zone>`, e.g. `/timezone America/Los_Angeles`.";
    public const string ShowNoGroup = "You have no time zone set; set one with `/timezone <time-zone>`, e.g. `/timezone America/Los_Angeles`.";
    public const string SetFormat = "Your time zone is now {0}; your streak days run midnight to midnight there.";
    public const string Cleared = "You now follow your group's time zone.";
    public const string FollowGroupWord = "group";
}

/// <summary><c>/timezone [zone|group]</c>: a member's own zone, used for their streak days.</summary>
public sealed class MemberTimeZoneHandler(IMemberStore members) : ICommandHandler
{
    public string Path => "timezone";

    public bool RequiresGroup => false;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var typed = request.Command.Argument("time-zone");
        if (typed is null)
        {
            var text = request.Member.TimeZoneId is { } own
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, MemberMessages.ShowOwnFormat, own)
                : request.Group is { } group
                    ? string.Format(System.Globalization.CultureInfo.InvariantCulture, MemberMessages.ShowGroupFormat, group.TimeZoneId)
                    : MemberMessages.ShowNoGroup;
            return ChatReply.Text(text, ephemeral: true);
        }

        if (string.Equals(typed, MemberMessages.FollowGroupWord, StringComparison.OrdinalIgnoreCase))
        {
            await members.SetTimeZoneAsync(request.Member.Id, null, cancellationToken);
            return ChatReply.Text(MemberMessages.Cleared, ephemeral: true);
        }

        if (TimeZones.Find(typed) is not { } zone)
        {
            return ChatReply.Text(TimeZones.UnknownZoneMessage(typed), ephemeral: true);
        }

        await members.SetTimeZoneAsync(request.Member.Id, zone.Id, cancellationToken);
        return ChatReply.Text(string.Format(System.Globalization.CultureInfo.InvariantCulture, MemberMessages.SetFormat, zone.Id), ephemeral: true);
    }
}

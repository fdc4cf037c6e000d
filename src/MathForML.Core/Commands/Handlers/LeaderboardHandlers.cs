using System.Globalization;
using System.Text;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Members;
using MathForML.Core.Participation;
using MathForML.Core.Problems;
using MathForML.Core.Scheduling;

namespace MathForML.Core.Commands.Handlers;

/// <summary>Texts of <c>/leaderboard</c> and <c>/privacy</c>.</summary>
public static class LeaderboardTexts
{
    public const string HeaderFormat = "**Leaderboard, {0}** (3 points for a first-try solve, 2 for a later one, 1 for a late one after the reveal)";
    public const string RowFormat = "{0}. {1}: {2} point(s), {3} solved ({4} first try{5}) · streak {6} · read {7} session(s)";
    public const string LateFormat = ", {0} late";
    public const string HiddenName = "a member (name hidden)";
    public const string MoreFormat = "… and {0} more.";
    public const string Empty = "Nobody has solved a problem in this period yet. The next daily problem is a good start!";
    public const string Week = "last 7 days";
    public const string Month = "last 30 days";
    public const string All = "all time";
    public const string PrivacyShown = "Your name appears on leaderboards. Use `/privacy hidden` to keep it off (you still count in totals).";
    public const string PrivacyHidden = "Your name is kept off leaderboards; your place shows as \"" + HiddenName + "\". Use `/privacy shown` to show it.";
}

/// <summary><c>/leaderboard [week|month|all]</c>: solves, first tries, late solves, streaks and reading, ranked.</summary>
public sealed class LeaderboardHandler(ParticipationQueries queries, ParticipationPictures pictures) : ICommandHandler
{
    public string Path => "leaderboard";

    public bool RequiresGroup => true;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var group = request.Group!;
        var period = request.Command.Argument("period") switch
        {
            "month" => LeaderboardPeriod.Month,
            "all" => LeaderboardPeriod.All,
            _ => LeaderboardPeriod.Week,
        };
        var rows = await queries.LeaderboardAsync(group, period, request.ReceivedAt, cancellationToken);
        var periodName = period switch
        {
            LeaderboardPeriod.Week => LeaderboardTexts.Week,
            LeaderboardPeriod.Month => LeaderboardTexts.Month,
            _ => LeaderboardTexts.All,
        };
        var charts = await pictures.LeaderboardChartsAsync(group, Participation.Leaderboard.Since(period, request.ReceivedAt), periodName, cancellationToken);
        var images = charts.Select(c => c.Image).OfType<ChatImage>().ToList();
        var notes = charts.Select(c => c.Note).OfType<string>();
        if (rows.Count == 0)
        {
            return new ChatReply { Content = new MessageContent { Text = string.Join('\n', notes.Prepend(LeaderboardTexts.Empty)), Images = images } };
        }

        var text = new StringBuilder(Format(LeaderboardTexts.HeaderFormat, periodName));
        foreach (var row in rows.Take(Participation.Leaderboard.MaxRows))
        {
            text.Append('\n').Append(Format(
                LeaderboardTexts.RowFormat,
                row.Rank,
                row.Hidden ? LeaderboardTexts.HiddenName : row.Name,
                row.Points,
                row.Solved,
                row.FirstTry,
                row.Late > 0 ? Format(LeaderboardTexts.LateFormat, row.Late) : "",
                row.Streak,
                row.ReadingDone));
        }

        if (rows.Count > Participation.Leaderboard.MaxRows)
        {
            text.Append('\n').Append(Format(LeaderboardTexts.MoreFormat, rows.Count - Participation.Leaderboard.MaxRows));
        }

        foreach (var note in notes)
        {
            text.Append('\n').Append(note);
        }

        return new ChatReply { Content = new MessageContent { Text = text.ToString(), Images = images } };
    }

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}

/// <summary><c>/privacy [shown|hidden]</c>: a member's choice to appear on leaderboards by name.</summary>
public sealed class PrivacyHandler(IMemberStore members) : ICommandHandler
{
    public string Path => "privacy";

    public bool RequiresGroup => false;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hidden = request.Command.Argument("leaderboard") switch
        {
            "hidden" => true,
            "shown" => false,
            _ => request.Member.HiddenFromLeaderboards,
        };
        if (hidden != request.Member.HiddenFromLeaderboards)
        {
            await members.SetHiddenFromLeaderboardsAsync(request.Member.Id, hidden, cancellationToken);
        }

        return ChatReply.Text(hidden ? LeaderboardTexts.PrivacyHidden : LeaderboardTexts.PrivacyShown, ephemeral: true);
    }
}

using MathForML.Core.Chat;

namespace MathForML.Core.Participation;

/// <summary>A chart as an image (alt text = a summary of its data), or why it could not be drawn.</summary>
public sealed record ChartImageResult(ChatImage? Image, string? Error)
{
    public static ChartImageResult Drawn(ChatImage image) => new(image, null);

    public static ChartImageResult Failed(string error) => new(null, error);
}

/// <summary>
/// The chart port: Core asks for pictures of participation without knowing how they are drawn. Images have
/// an opaque background, so they read the same on light and dark chat themes.
/// </summary>
public interface IChartRenderer
{
    /// <summary>A heatmap of actions per local day from <paramref name="first"/> to <paramref name="last"/>.</summary>
    ChartImageResult ActivityCalendar(string title, IReadOnlyList<(DateOnly Day, int Count)> days, DateOnly first, DateOnly last);

    /// <summary>One bar per problem, oldest first: solved and tried as shares of <c>Members</c>.</summary>
    ChartImageResult SolveRates(string title, IReadOnlyList<(string Label, int Solved, int Tried, int Members)> problems);

    /// <summary>One bar per member: sessions read of the plan's total.</summary>
    ChartImageResult ReadingProgress(string title, IReadOnlyList<(string Name, int Done, int Total)> members);
}

/// <summary>A member who has done something in a group, as leaderboards may name them.</summary>
public sealed record RosterEntry(long MemberId, string Name, bool Hidden);

/// <summary>Storage port: the people who took part in a group (answered, read, asked…).</summary>
public interface IGroupRoster
{
    Task<IReadOnlyList<RosterEntry>> MembersAsync(long groupId, CancellationToken cancellationToken);
}

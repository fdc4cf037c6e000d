using MathForML.Core.Participation;

namespace MathForML.Core.Tests.Participation;

public sealed class LeaderboardTests
{
    [Theory]
    [InlineData(1, 1, 0, 3)]
    [InlineData(1, 0, 0, 2)]
    [InlineData(1, 0, 1, 1)]
    [InlineData(5, 2, 1, 11)]
    public void Points_reward_first_tries_and_score_late_solves_lower(int solved, int firstTry, int late, int points) =>
        Assert.Equal(points, Leaderboard.Points(solved, firstTry, late));

    [Fact]
    public void Ranking_orders_by_points_then_first_tries_shares_ties_and_keeps_hidden_members_unnamed()
    {
        SolveTotals[] totals =
        [
            new(1, "Ada", false, 2, 0, 0),
            new(2, "Bo", true, 1, 1, 0),
            new(3, "Cy", false, 2, 0, 0),
            new(4, "Di", false, 3, 3, 0),
            new(5, "Eve", false, 0, 0, 0),
        ];

        var rows = Leaderboard.Rank(totals, new Dictionary<long, int> { [1] = 4 }, new Dictionary<long, int> { [3] = 2 });

        Assert.Equal([("Di", 1, 9), ("Ada", 2, 4), ("Cy", 2, 4), ("Bo", 4, 3)], rows.Select(r => (r.Name, r.Rank, r.Points)));
        Assert.True(rows.Single(r => r.Name == "Bo").Hidden);
        Assert.Equal((4, 0), (rows[1].Streak, rows[1].ReadingDone));
        Assert.Equal(2, rows[2].ReadingDone);
    }

    [Fact]
    public void A_member_with_only_reading_or_a_streak_still_appears()
    {
        var rows = Leaderboard.Rank([new SolveTotals(1, "Ada", false, 0, 0, 0)], new Dictionary<long, int>(), new Dictionary<long, int> { [1] = 3 });

        Assert.Equal(3, Assert.Single(rows).ReadingDone);
    }
}

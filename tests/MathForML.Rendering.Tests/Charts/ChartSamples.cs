using MathForML.Rendering.Charts;

namespace MathForML.Rendering.Tests.Charts;

/// <summary>Deterministic example data shared by the chart tests and the docs examples.</summary>
internal static class ChartSamples
{
    private static readonly Lazy<ChartRenderer> Shared = new(() => new ChartRenderer());

    public static ChartRenderer Renderer => Shared.Value;

    public static readonly DateOnly YearFrom = new(2025, 11, 23);

    public static readonly DateOnly YearTo = new(2026, 11, 22);

    /// <summary>A year of a member who studies on most weekdays, with a quiet summer and one busy day.</summary>
    public static ActivityCalendarData Year(DayOfWeek firstDay = DayOfWeek.Sunday)
    {
        var random = new Random(9);
        var days = new List<(DateOnly Day, int Count)>();
        for (DateOnly d = YearFrom; d <= YearTo; d = d.AddDays(1))
        {
            bool weekend = d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            bool summer = d.Month is 7 or 8;
            double chance = summer ? 0.15 : weekend ? 0.3 : 0.65;
            if (random.NextDouble() < chance)
            {
                days.Add((d, 1 + random.Next(summer ? 2 : 6)));
            }
        }

        days.Add((new DateOnly(2026, 3, 14), 14));
        return new ActivityCalendarData("Activity for Ada", days, YearFrom, YearTo, firstDay);
    }

    public static SolveRateData Week() => new(
        "Solve rate, week of 16 Nov 2026",
        [
            ("#41", 11, 13, 14),
            ("#42", 9, 12, 14),
            ("#43", 4, 10, 14),
            ("#44", 14, 14, 14),
            ("#45", 6, 9, 14),
            ("#46", 2, 8, 14),
            ("#47", 0, 3, 14),
        ]);

    public static SolveRateData Problems(int count, int members = 20)
    {
        var random = new Random(count);
        var problems = new List<(string Label, int Solved, int Tried, int Members)>(count);
        for (int i = 1; i <= count; i++)
        {
            int tried = random.Next(members + 1);
            problems.Add(("#" + i, random.Next(tried + 1), tried, members));
        }

        return new SolveRateData("Solve rate per problem", problems);
    }

    public static ReadingProgressData Plan() => new(
        "Reading: Mathematics for Machine Learning",
        [
            ("Ada Lovelace", 12, 12),
            ("Bernhard Riemann", 10, 12),
            ("Carl Friedrich Gauß", 9, 12),
            ("Dorothy", 6, 12),
            ("Émilie du Châtelet, Marquise du Châtelet and translator of the Principia", 5, 12),
            ("Fibonacci", 2, 12),
            ("Grace", 0, 12),
        ]);

    public static ReadingProgressData Members(int count)
    {
        var members = new List<(string Name, int Done, int Total)>(count);
        for (int i = 1; i <= count; i++)
        {
            members.Add(("Member " + i, i % 13, 12 + (i % 13 == 12 ? 1 : 0)));
        }

        return new ReadingProgressData("Reading progress", members);
    }
}

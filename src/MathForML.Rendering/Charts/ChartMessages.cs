namespace MathForML.Rendering.Charts;

/// <summary>Every user-facing chart text: errors, words drawn in the images, and alt-text phrases.</summary>
public static class ChartMessages
{
    public const string InvalidOptions = "Invalid chart options: {0}.";
    public const string RangeReversed = "The calendar range ends ({1}) before it starts ({0}).";
    public const string RangeTooLong = "The calendar range has {0} days; at most {1} (53 weeks) can be drawn.";
    public const string NegativeCount = "The activity count for {0} is negative.";
    public const string InvalidSolveCounts = "Problem '{0}' has invalid counts (solved {1}, tried {2}, members {3}).";
    public const string InvalidProgress = "Member '{0}' has invalid progress ({1} of {2}).";
    public const string OutputTooLarge = "The chart would be {0}x{1} pixels, more than allowed.";

    public const string NoActivity = "No activity yet";
    public const string NoProblems = "No problems yet";
    public const string NoReading = "No reading progress yet";
    public const string Less = "Less";
    public const string More = "More";
    public const string Solved = "solved";
    public const string TriedNotSolved = "tried, not solved";
    public const string ShareOfMembers = "(% of members)";
    public const string MoreNotShownProblems = "Showing the most recent {0} of {1} problems.";
    public const string MoreNotShownMembers = "Showing the first {0} of {1} members.";

    public const string CalendarAlt = "{0}, {1} – {2}: {3} active {4}, {5} {6}; busiest day {7} ({8}); busiest week starting {9} ({10}); longest run {11} {12}.";
    public const string CalendarEmptyAlt = "{0}, {1} – {2}: no activity yet.";
    public const string CalendarSummary = "{0} active {1} · {2} {3}";
    public const string SolveRateAlt = "{0}: {1} {2}; on average {3}% of members solved each; best {4} ({5}%), lowest {6} ({7}%).";
    public const string SolveRateItem = "{0}: {1} of {2} solved ({3}%), {4} tried";
    public const string ReadingAlt = "{0}: {1} {2}; {3} finished, average {4}% read.";
    public const string ReadingValue = "{0}/{1} · {2}%";
    public const string ReadingItem = "{0} {1} of {2} ({3}%)";
    public const string SolveRateEmptyAlt = "{0}: no problems yet.";
    public const string ReadingEmptyAlt = "{0}: no reading progress yet.";
    public const string AndMore = "and {0} more";
    public const string DayWord = "day";
    public const string DaysWord = "days";
    public const string ActionWord = "action";
    public const string ActionsWord = "actions";
    public const string ProblemWord = "problem";
    public const string ProblemsWord = "problems";
    public const string MemberWord = "member";
    public const string MembersWord = "members";
}

namespace MathForML.Core.Commands;

/// <summary>Every command the bot understands, on every platform.</summary>
public static class CommandCatalog
{
    private const string ReadingGroups = "the reading-group scheduler";
    private const string Participation = "participation statistics";

    public static CommandDefinition Help { get; } = new("help", "List the commands, or explain one.")
    {
        Parameters = [new("command", "The command to explain, e.g. answer.") { Required = false }],
        Example = "/help answer",
    };

    public static CommandDefinition Problem { get; } = Group(
        new CommandDefinition("problem", "The daily problem: see it (with your own numbers), post today's now, or reveal its solution.")
        {
            DefaultSubcommand = "show",
        },
        new CommandDefinition("show", "Show the current problem with your own numbers (only you see it).") { Capability = "the daily problem" },
        new CommandDefinition("post", "Post today's daily problem now, if none is open (the scheduled post then skips today).")
        {
            Access = CommandAccess.Organizers,
            Capability = "the daily problem",
        },
        new CommandDefinition("reveal", "Reveal the current problem's solution now, before its deadline.")
        {
            Access = CommandAccess.Organizers,
            Capability = "the daily problem",
        });

    public static CommandDefinition Answer { get; } = new("answer", "Answer the current problem (only you see the verdict).")
    {
        Parameters = [new("value", "Your answer: a number, fraction, expression, vector [a, b] or set {a, b}.") { TakesRest = true }],
        Example = "/answer 1/4",
        Capability = "answer checking for daily problems",
    };

    public static CommandDefinition Hint { get; } = new("hint", "Get the next hint for the current problem.")
    {
        Capability = "the daily problem",
    };

    public static CommandDefinition Tex { get; } = new("tex", "Render a LaTeX formula as an image.")
    {
        Parameters = [new("latex", "The formula, without dollar signs.") { TakesRest = true }],
        Capability = "formula rendering",
        Example = @"/tex \nabla_w \frac{1}{2}\|Xw - y\|^2 = X^\top (Xw - y)",
    };

    public static CommandDefinition Reading { get; } = Group(
        new CommandDefinition("reading", "The reading group: this session's reading, the plan, marking it read.")
        {
            DefaultSubcommand = "show",
        },
        new CommandDefinition("show", "What to read for the next session.") { Capability = ReadingGroups },
        new CommandDefinition("plan", "The whole reading plan, session by session.") { Capability = ReadingGroups },
        new CommandDefinition("done", "Mark the current reading as done.") { Capability = ReadingGroups },
        new CommandDefinition("books", "The books a group can read.") { Capability = ReadingGroups },
        new CommandDefinition("rsvp", "Say you will come to the next discussion session (or a later one).")
        {
            Capability = ReadingGroups,
            Parameters = [new("session", "The session's number from `/reading plan`; default the next one.") { Required = false }],
            Example = "/reading rsvp 4",
        },
        new CommandDefinition("setup", "Start (or replace) the group's reading plan.")
        {
            Access = CommandAccess.Organizers,
            Capability = ReadingGroups,
            Parameters =
            [
                new("book", "The book's id from `/reading books`, e.g. mml."),
                new("start", "The first day: YYYY-MM-DD, today, tomorrow or a weekday."),
                new("per-session", "How much per session: sections (2) or about so many pages (30p)."),
                new("cadence", "When the group meets, e.g. every Tuesday and Friday at 18:30.") { TakesRest = true },
            ],
            Example = "/reading setup mml 2026-12-01 2 every Tuesday and Friday at 18:30",
        },
        new CommandDefinition("skip", "Skip the session on a date (a holiday); later sessions move back.")
        {
            Access = CommandAccess.Organizers,
            Capability = ReadingGroups,
            Parameters = [new("date", "The session's date: YYYY-MM-DD, today, tomorrow or a weekday.")],
            Example = "/reading skip 2026-12-25",
        },
        new CommandDefinition("pause", "Pause the plan until it is resumed.") { Access = CommandAccess.Organizers, Capability = ReadingGroups },
        new CommandDefinition("resume", "Resume a paused plan, from a date (default today).")
        {
            Access = CommandAccess.Organizers,
            Capability = ReadingGroups,
            Parameters = [new("date", "When to resume: YYYY-MM-DD, today, tomorrow or a weekday.") { Required = false }],
            Example = "/reading resume 2027-01-04",
        },
        new CommandDefinition("cadence", "Change when the group meets, from today on.")
        {
            Access = CommandAccess.Organizers,
            Capability = ReadingGroups,
            Parameters = [new("cadence", "e.g. weekly on Monday at 19:00.") { TakesRest = true }],
            Example = "/reading cadence weekly on Monday at 19:00",
        });

    public static CommandDefinition Streak { get; } = new("streak", "Your current and best streak, and which days counted and why (only you see it).");

    public static CommandDefinition Stats { get; } = new("stats", "Your attempts, solves, streak and activity calendar in this group.")
    {
        Capability = Participation,
    };

    public static CommandDefinition Leaderboard { get; } = new("leaderboard", "The group's leaderboard.")
    {
        Parameters = [new("period", "Which period to rank: the last 7 days (default), 30 days, or all time.") { Required = false, Choices = ["week", "month", "all"] }],
        Example = "/leaderboard month",
        Capability = Participation,
    };

    public static CommandDefinition Privacy { get; } = new("privacy", "Whether your name appears on leaderboards, or show the setting.")
    {
        Parameters = [new("leaderboard", "`hidden` keeps your name off leaderboards (you still count in totals); `shown` puts it back.") { Required = false, Choices = ["shown", "hidden"] }],
        Example = "/privacy hidden",
    };

    public static CommandDefinition StudyGroup { get; } = Group(
        new CommandDefinition("group", "Set up and inspect this channel's study group.")
        {
            DefaultSubcommand = "show",
        },
        new CommandDefinition("show", "Show this channel's study group and its settings."),
        new CommandDefinition("setup", "Start a study group in this channel.")
        {
            Access = CommandAccess.Organizers,
            Parameters =
            [
                new("time-zone", "The group's IANA time zone, e.g. Europe/Berlin or America/New_York."),
                new("name", "A name for the group.") { Required = false, TakesRest = true },
            ],
            Example = "/group setup Europe/Berlin MML reading group",
        },
        new CommandDefinition("timezone", "Change the group's time zone.")
        {
            Access = CommandAccess.Organizers,
            Parameters = [new("time-zone", "The group's IANA time zone, e.g. Asia/Kolkata.") { TakesRest = true }],
            Example = "/group timezone America/Chicago",
        },
        new CommandDefinition("streak", "Choose what keeps a streak: solving the daily problem, or also marking a reading done.")
        {
            Access = CommandAccess.Organizers,
            Parameters = [new("rule", "`solve` (the default for new groups) or `solve-or-read`.") { Choices = ["solve", "solve-or-read"] }],
            Example = "/group streak solve-or-read",
            Capability = Participation,
        },
        new CommandDefinition("export", "Download the group's participation as a CSV file (only you get it).")
        {
            Access = CommandAccess.Organizers,
            Parameters = [new("period", "The last 7 days, 30 days, or everything (default).") { Required = false, Choices = ["week", "month", "all"] }],
            Example = "/group export month",
            Capability = Participation,
        });

    public static CommandDefinition MyData { get; } = Group(
        new CommandDefinition("mydata", "Your own records: download them, or have them forgotten.")
        {
            DefaultSubcommand = "export",
        },
        new CommandDefinition("export", "Download everything the bot keeps about you as a JSON or CSV file (only you get it).")
        {
            Parameters = [new("format", "`json` (default) or `csv`.") { Required = false, Choices = ["json", "csv"] }],
            Example = "/mydata export csv",
            Capability = Participation,
        },
        new CommandDefinition("forget", "Have the bot forget you in every group: your name and what you typed are erased, counts stay anonymous.")
        {
            Parameters = [new("confirm", "`yes` to confirm; without it the bot explains and asks.") { Required = false, Choices = ["yes"] }],
            Example = "/mydata forget",
            Capability = Participation,
        });

    public static CommandDefinition TimeZone { get; } = new("timezone", "Set your own time zone (for your streak days), or show it.")
    {
        Parameters = [new("time-zone", "Your IANA time zone, e.g. America/Los_Angeles; `group` to follow the group's.") { Required = false, TakesRest = true }],
        Example = "/timezone Asia/Tokyo",
    };

    public static IReadOnlyList<CommandDefinition> All { get; } =
        [Help, Problem, Answer, Hint, Tex, Reading, Streak, Stats, Leaderboard, Privacy, MyData, TimeZone, StudyGroup];

    public static CommandDefinition? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a command or subcommand by its path, e.g. "group setup".</summary>
    public static CommandDefinition? FindPath(string path)
    {
        var parts = path.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var command = parts.Length > 0 ? Find(parts[0]) : null;
        return parts.Length switch
        {
            1 => command,
            2 => command?.FindSubcommand(parts[1]),
            _ => null,
        };
    }

    /// <summary>Every runnable leaf: commands without subcommands, and each subcommand.</summary>
    public static IEnumerable<CommandDefinition> Leaves() =>
        All.SelectMany(c => c.Subcommands.Count == 0 ? [c] : c.Subcommands);

    private static CommandDefinition Group(CommandDefinition parent, params CommandDefinition[] children) =>
        parent with
        {
            Access = children.All(c => c.Access == CommandAccess.Organizers) ? CommandAccess.Organizers : CommandAccess.Everyone,
            Subcommands = [.. children.Select(c => c with { Parent = parent.Name })],
        };
}

using System.Diagnostics;

namespace MathForML.Load;

/// <summary>What the harness could set up for the bursts.</summary>
internal sealed record SetupResult(bool ProblemOpen, string How);

/// <summary>
/// Sets the group up through the product, as an organizer would: <c>/group setup</c>, <c>/reading setup</c>, and an
/// open daily problem: already open (a kept state directory), <c>/problem post</c> where the bot offers it, or the
/// scheduled post, by putting the group in the time zone where 09:00 comes soonest and waiting for it.
/// </summary>
internal sealed class GroupSetup(IPlatformDriver driver, TextWriter log)
{
    public const string GroupName = "Load test group";

    /// <summary>Sends <paramref name="command"/> as the organizer and returns the reply text (null when none came).</summary>
    public async Task<string?> RunAsync(LoadCommand command, TimeSpan limit, CancellationToken cancellationToken)
    {
        // Right after start the bot takes commands before its database is migrated (issue #13): those fail; retry.
        for (var attempt = 1; ; attempt++)
        {
            var reply = await RunOnceAsync(command, limit, cancellationToken);
            if (reply?.Contains("Something went wrong", StringComparison.Ordinal) != true || attempt == 15)
            {
                return reply;
            }

            log.WriteLine($"  {driver.Platform}: /{command.Path} failed ({Short(reply)}); retrying in 2 s");
            await Task.Delay(2000, cancellationToken);
        }
    }

    private async Task<string?> RunOnceAsync(LoadCommand command, TimeSpan limit, CancellationToken cancellationToken)
    {
        var probe = await driver.SendAsync(0, driver.Organizer, command, organizer: true);
        try
        {
            await probe.Replied.Task.WaitAsync(limit, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }

        return probe.ReplyText;
    }

    /// <summary>Waits until a command is answered at all (the bot may take commands before its database is ready).</summary>
    public async Task WaitAnsweringAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var reply = await RunAsync(Workload.Help, TimeSpan.FromSeconds(10), cancellationToken);
            if (reply is not null && reply.Contains("answer", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            log.WriteLine($"  {driver.Platform}: /help not answered yet ({Short(reply)}); retrying");
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"{driver.Platform}: /help got no proper reply within {limit.TotalSeconds:0} s.");
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    public async Task<SetupResult> EnsureAsync(TimeSpan problemWait, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(30);
        var (zone, postAt) = PostSchedule.SoonestNineOClock(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30));
        var created = await RunAsync(new LoadCommand("setup", "group setup", [("time-zone", zone), ("name", GroupName)]), limit, cancellationToken);
        log.WriteLine($"  {driver.Platform}: /group setup {zone} → {Short(created)}");
        var reading = await RunAsync(new LoadCommand("setup", "reading setup",
            [("book", "mml"), ("start", "today"), ("per-session", "2"), ("cadence", "daily at 20:00")]), limit, cancellationToken);
        log.WriteLine($"  {driver.Platform}: /reading setup → {Short(reading)}");
        if (await ProblemOpenAsync(cancellationToken))
        {
            return new SetupResult(true, "a problem was already open (kept state)");
        }

        if (driver.OffersProblemPost != false)
        {
            var posted = await RunAsync(new LoadCommand("setup", "problem post", []), limit, cancellationToken);
            log.WriteLine($"  {driver.Platform}: /problem post → {Short(posted)}");
            if (await ProblemOpenAsync(cancellationToken))
            {
                return new SetupResult(true, "/problem post");
            }
        }

        var alreadyThere = created?.Contains("already has", StringComparison.Ordinal) == true;
        if (alreadyThere)
        {
            // A kept group whose post came while no bot ran: the scheduler posts the missed day late at start.
            // A post tried before the platform was up is retried 30 s later.
            for (var i = 0; i < 75 && driver.ProblemPosts == 0; i++)
            {
                await Task.Delay(1000, cancellationToken);
            }

            if (driver.ProblemPosts > 0 && await ProblemOpenAsync(cancellationToken))
            {
                return new SetupResult(true, "the daily post, posted late at start (kept state)");
            }

            // A kept group in another zone: move it to where the post comes soonest (the bot replans).
            var moved = await RunAsync(new LoadCommand("setup", "group timezone", [("time-zone", zone)]), limit, cancellationToken);
            log.WriteLine($"  {driver.Platform}: /group timezone {zone} → {Short(moved)}");
        }

        var wait = postAt - DateTimeOffset.UtcNow;
        if (wait > problemWait)
        {
            log.WriteLine($"  {driver.Platform}: the next daily post ({zone}, {postAt.UtcDateTime:HH:mm} UTC) is {wait.TotalMinutes:0} min away, beyond --problem-wait; /answer will meet \"no problem open\"");
            return new SetupResult(false, $"no problem open (next post {postAt.UtcDateTime:HH:mm} UTC in {zone})");
        }

        log.WriteLine($"  {driver.Platform}: waiting {wait.TotalMinutes:0.0} min for the daily post at {postAt.UtcDateTime:HH:mm:ss} UTC ({zone} 09:00)");
        var deadline = postAt + TimeSpan.FromSeconds(90);
        var asked = Stopwatch.StartNew();
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(driver.ProblemPosts > 0 ? 1000 : 5000, cancellationToken);
            // Asking now and then too, should the post's shape not be recognised.
            var due = DateTimeOffset.UtcNow >= postAt && asked.Elapsed > TimeSpan.FromSeconds(15);
            if ((driver.ProblemPosts > 0 || due) && await ProblemOpenAsync(cancellationToken))
            {
                return new SetupResult(true, $"the scheduled daily post ({zone} 09:00 = {postAt.UtcDateTime:HH:mm} UTC)");
            }

            if (due)
            {
                asked.Restart();
            }
        }

        return new SetupResult(false, "no problem open (the scheduled post did not come)");
    }

    private async Task<bool> ProblemOpenAsync(CancellationToken cancellationToken)
    {
        var shown = await RunAsync(new LoadCommand("setup", "problem show", []), TimeSpan.FromSeconds(30), cancellationToken);
        log.WriteLine($"  {driver.Platform}: /problem show → {Short(shown)}");
        return shown?.Contains("Problem #", StringComparison.Ordinal) == true && !shown.Contains("solution has been revealed", StringComparison.Ordinal);
    }

    public static string Short(string? text) =>
        text is null ? "(no reply)" : text.Length <= 110 ? text.ReplaceLineEndings(" ") : text[..110].ReplaceLineEndings(" ") + "…";
}

/// <summary>When the daily post (09:00 group time by default) comes next, over the time zones this machine knows.</summary>
internal static class PostSchedule
{
    private static readonly string[] Regions = ["Europe/", "Asia/", "America/", "Australia/", "Africa/", "Pacific/", "Atlantic/", "Indian/"];

    public static (string Zone, DateTimeOffset At) SoonestNineOClock(DateTimeOffset after)
    {
        var best = ("UTC", NextNine(TimeZoneInfo.Utc, after));
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones().Where(z => Regions.Any(r => z.Id.StartsWith(r, StringComparison.Ordinal))).OrderBy(z => z.Id, StringComparer.Ordinal))
        {
            var at = NextNine(zone, after);
            if (at < best.Item2)
            {
                best = (zone.Id, at);
            }
        }

        return best;
    }

    private static DateTimeOffset NextNine(TimeZoneInfo zone, DateTimeOffset after)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone);
        for (var day = 0; day < 3; day++)
        {
            var nine = local.Date.AddDays(day).AddHours(9);
            if (zone.IsInvalidTime(nine))
            {
                continue;
            }

            var at = new DateTimeOffset(nine, zone.GetUtcOffset(nine));
            if (at > after)
            {
                return at;
            }
        }

        return DateTimeOffset.MaxValue;
    }
}

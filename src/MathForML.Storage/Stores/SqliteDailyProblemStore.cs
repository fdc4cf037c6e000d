using MathForML.Core.Chat;
using MathForML.Core.Participation;
using MathForML.Core.Problems;
using MathForML.Math;
using MathForML.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MathForML.Storage.Stores;

internal sealed class SqliteDailyProblemStore(SqliteDatabase database) : IDailyProblemStore
{
    public async Task<DailyProblem> GetOrCreateAsync(long groupId, string occurrenceKey, Func<IReadOnlySet<string>, string?> choose, DateTimeOffset postedAt, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choose);
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var existing = await context.ProblemPosts.AsNoTracking().SingleOrDefaultAsync(p => p.GroupId == groupId && p.OccurrenceKey == occurrenceKey, cancellationToken);
        if (existing is not null)
        {
            return await ToDomainAsync(context, existing, cancellationToken);
        }

        var used = (await context.ProblemPosts.Where(p => p.GroupId == groupId).Select(p => p.ProblemId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var problemId = choose(used) ?? throw new InvalidOperationException("The problem bank is empty; no problem can be chosen.");
        var number = (await context.ProblemPosts.Where(p => p.GroupId == groupId).MaxAsync(p => (int?)p.Number, cancellationToken) ?? 0) + 1;
        var row = new ProblemPostEntity
        {
            GroupId = groupId,
            ProblemId = problemId,
            Number = number,
            OccurrenceKey = occurrenceKey,
            PostedAt = postedAt,
            DeadlineAt = deadline,
        };
        context.ProblemPosts.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ToDomainAsync(context, row, cancellationToken);
    }

    public async Task<DailyProblem?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var row = await context.ProblemPosts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return row is null ? null : await ToDomainAsync(context, row, cancellationToken);
    }

    public async Task<DailyProblem?> FindByNumberAsync(long groupId, int number, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var row = await context.ProblemPosts.AsNoTracking().SingleOrDefaultAsync(p => p.GroupId == groupId && p.Number == number, cancellationToken);
        return row is null ? null : await ToDomainAsync(context, row, cancellationToken);
    }

    /// <summary>One round trip (the group's address comes in the same query): every <c>/answer</c> and <c>/hint</c> asks this.</summary>
    public async Task<DailyProblem?> LatestAsync(long groupId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var found = await context.ProblemPosts.AsNoTracking().Where(p => p.GroupId == groupId).OrderByDescending(p => p.Number)
            .Join(context.StudyGroups, p => p.GroupId, g => g.Id, (p, g) => new { Post = p, g.Platform, g.WorkspaceId, g.ChannelId })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : ToDomain(found.Post, new ConversationRef(found.Platform, found.WorkspaceId, found.ChannelId));
    }

    public async Task SetMessageAsync(long id, PostedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var context = database.CreateContext();
        await context.ProblemPosts.Where(p => p.Id == id).ExecuteUpdateAsync(
            u => u.SetProperty(p => p.PlatformMessageId, message.MessageId).SetProperty(p => p.ThreadId, message.ThreadId).SetProperty(p => p.ChannelId, message.Conversation.ChannelId),
            cancellationToken);
    }

    public async Task<bool> TryMarkRevealedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var changed = await context.ProblemPosts.Where(p => p.Id == id && p.RevealedAt == null).ExecuteUpdateAsync(u => u.SetProperty(p => p.RevealedAt, at), cancellationToken);
        return changed == 1;
    }

    public async Task<Attempt> AddAttemptAsync(Attempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var number = await context.Attempts.CountAsync(a => a.ProblemPostId == attempt.DailyProblemId && a.MemberId == attempt.MemberId, cancellationToken) + 1;
        context.Attempts.Add(new AttemptEntity
        {
            ProblemPostId = attempt.DailyProblemId,
            MemberId = attempt.MemberId,
            AttemptNumber = number,
            RawInput = attempt.Answer,
            Verdict = attempt.Outcome.ToString(),
            Score = attempt.Score,
            SubmittedAt = attempt.At,
            Late = attempt.Late,
            Platform = attempt.Platform,
            LocalDay = attempt.LocalDay?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            TimeZoneId = attempt.TimeZoneId,
        });
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return attempt with { Number = number };
    }

    public async Task<IReadOnlyList<Attempt>> AttemptsAsync(long dailyProblemId, long memberId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var rows = await context.Attempts.AsNoTracking()
            .Where(a => a.ProblemPostId == dailyProblemId && a.MemberId == memberId)
            .OrderBy(a => a.AttemptNumber)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(a => new Attempt(a.ProblemPostId, a.MemberId, a.AttemptNumber, a.RawInput, Enum.Parse<Outcome>(a.Verdict), a.Score, a.Late, a.Platform, a.SubmittedAt))];
    }

    public async Task<AttemptSummary> SummarizeAsync(long dailyProblemId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var correct = nameof(Outcome.Correct);
        var rows = await context.Attempts.AsNoTracking()
            .Where(a => a.ProblemPostId == dailyProblemId)
            .GroupBy(a => a.MemberId)
            .Select(g => new
            {
                Solved = g.Any(a => a.Verdict == correct),
                FirstTry = g.Any(a => a.Verdict == correct && a.AttemptNumber == 1),
                Late = g.Any(a => a.Verdict == correct && a.Late),
            })
            .ToListAsync(cancellationToken);
        return new AttemptSummary(rows.Count, rows.Count(r => r.Solved), rows.Count(r => r.FirstTry), rows.Count(r => r.Late));
    }

    public async Task<IReadOnlyList<ProblemSummary>> SummariesAsync(long groupId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var correct = nameof(Outcome.Correct);
        var posts = context.ProblemPosts.AsNoTracking().Where(p => p.GroupId == groupId);
        if (since is { } from)
        {
            posts = posts.Where(p => p.PostedAt >= from);
        }

        var problems = await posts.OrderBy(p => p.PostedAt).Select(p => new { p.Id, p.Number, p.ProblemId, p.PostedAt }).ToListAsync(cancellationToken);
        var ids = problems.Select(p => p.Id).ToList();
        // Counted (valid) attempts only: malformed input has attempt number 0 and is never counted as trying.
        var perMember = await context.Attempts.AsNoTracking()
            .Where(a => ids.Contains(a.ProblemPostId) && a.AttemptNumber > 0)
            .GroupBy(a => new { a.ProblemPostId, a.MemberId })
            .Select(g => new
            {
                g.Key.ProblemPostId,
                Solved = g.Any(a => a.Verdict == correct),
                FirstTry = g.Any(a => a.Verdict == correct && a.AttemptNumber == 1),
                Late = g.Any(a => a.Verdict == correct && a.Late),
            })
            .ToListAsync(cancellationToken);
        var byPost = perMember.ToLookup(r => r.ProblemPostId);
        return [.. problems.Select(p =>
        {
            var rows = byPost[p.Id].ToList();
            return new ProblemSummary(p.Id, p.Number, p.ProblemId, p.PostedAt,
                new AttemptSummary(rows.Count, rows.Count(r => r.Solved), rows.Count(r => r.FirstTry), rows.Count(r => r.Late)));
        })];
    }

    public async Task<IReadOnlyList<StreakSolve>> SolvesAsync(long groupId, long memberId, CancellationToken cancellationToken) =>
        (await LoadSolvesAsync(groupId, memberId, cancellationToken)).GetValueOrDefault(memberId) ?? [];

    public async Task<IReadOnlyDictionary<long, IReadOnlySet<DateOnly>>> SolveDaysAsync(long groupId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var correct = nameof(Outcome.Correct);
        // Only the three columns a streak needs, and no ordering: this runs over a group's whole history.
        var rows = await (
            from p in context.ProblemPosts.AsNoTracking()
            join a in context.Attempts.AsNoTracking() on p.Id equals a.ProblemPostId
            where p.GroupId == groupId && a.Verdict == correct && !a.Late
            select new { a.MemberId, a.LocalDay, a.SubmittedAt }).ToListAsync(cancellationToken);
        var parsed = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var days = new Dictionary<long, HashSet<DateOnly>>();
        foreach (var row in rows)
        {
            var day = row.LocalDay is { } text
                ? parsed.TryGetValue(text, out var known) ? known : parsed[text] = ParseDay(text)
                : DateOnly.FromDateTime(row.SubmittedAt.UtcDateTime);
            if (!days.TryGetValue(row.MemberId, out var set))
            {
                days[row.MemberId] = set = [];
            }

            set.Add(day);
        }

        return days.ToDictionary(d => d.Key, d => (IReadOnlySet<DateOnly>)d.Value);
    }

    public async Task<IReadOnlyList<SolveTotals>> SolveTotalsAsync(long groupId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var correct = nameof(Outcome.Correct);
        var attempts =
            from a in context.Attempts.AsNoTracking()
            join p in context.ProblemPosts.AsNoTracking() on a.ProblemPostId equals p.Id
            where p.GroupId == groupId && a.Verdict == correct
            select a;
        if (since is { } from)
        {
            attempts = attempts.Where(a => a.SubmittedAt >= from);
        }

        var totals = await attempts
            .GroupBy(a => a.MemberId)
            .Select(g => new { MemberId = g.Key, Solved = g.Count(), FirstTry = g.Count(a => a.AttemptNumber == 1 && !a.Late), Late = g.Count(a => a.Late) })
            .Join(context.Members.AsNoTracking(), t => t.MemberId, m => m.Id, (t, m) => new { t.MemberId, m.DisplayName, m.HiddenFromLeaderboards, t.Solved, t.FirstTry, t.Late })
            .ToListAsync(cancellationToken);
        return [.. totals.Select(t => new SolveTotals(t.MemberId, t.DisplayName, t.HiddenFromLeaderboards, t.Solved, t.FirstTry, t.Late))];
    }

    private static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Dictionary<long, IReadOnlyList<StreakSolve>>> LoadSolvesAsync(long groupId, long memberId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var correct = nameof(Outcome.Correct);
        var query =
            from a in context.Attempts.AsNoTracking()
            join p in context.ProblemPosts.AsNoTracking() on a.ProblemPostId equals p.Id
            where p.GroupId == groupId && a.Verdict == correct && a.MemberId == memberId
            select new { a.MemberId, p.Number, a.LocalDay, a.SubmittedAt, a.TimeZoneId, a.Late };

        var rows = await query.OrderBy(r => r.SubmittedAt).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.MemberId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<StreakSolve>)[.. g.Select(r => new StreakSolve(
                r.Number,
                r.LocalDay is { } day ? ParseDay(day) : DateOnly.FromDateTime(r.SubmittedAt.UtcDateTime),
                r.SubmittedAt,
                r.TimeZoneId ?? "UTC",
                r.Late))]);
    }

    public async Task<IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)>> OpenWindowsAsync(long groupId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var rows = await context.ProblemPosts.AsNoTracking()
            .Where(p => p.GroupId == groupId && p.PlatformMessageId != null)
            .Select(p => new { p.PostedAt, p.DeadlineAt, p.RevealedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.PostedAt, r.RevealedAt is { } revealed && revealed < r.DeadlineAt ? revealed : r.DeadlineAt))];
    }

    private static async Task<DailyProblem> ToDomainAsync(MathForMLDbContext context, ProblemPostEntity row, CancellationToken cancellationToken)
    {
        if (row.PlatformMessageId is null)
        {
            return ToDomain(row, null);
        }

        var group = await context.StudyGroups.AsNoTracking().SingleAsync(g => g.Id == row.GroupId, cancellationToken);
        return ToDomain(row, new ConversationRef(group.Platform, group.WorkspaceId, group.ChannelId));
    }

    /// <summary><paramref name="home"/>: the group's own channel (the post may have gone to another one).</summary>
    private static DailyProblem ToDomain(ProblemPostEntity row, ConversationRef? home)
    {
        var message = row.PlatformMessageId is not null && home is not null
            ? new PostedMessage(home with { ChannelId = row.ChannelId ?? home.ChannelId }, row.PlatformMessageId, row.ThreadId)
            : null;
        return new DailyProblem(row.Id, row.GroupId, row.Number, row.ProblemId, row.OccurrenceKey ?? "", row.PostedAt, row.DeadlineAt, row.RevealedAt, message);
    }
}

using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Members;

namespace MathForML.Core.Participation;

/// <summary>An asked question nobody else has answered yet.</summary>
public sealed record OpenQuestion(long MemberId, string Subject, string? Excerpt, DateTimeOffset AskedAt);

/// <summary>
/// Logs questions and answers in a group's threads. A reply to someone else's open question answers it. Otherwise
/// a message whose text has a '?' is a question; one without answers the oldest open question of someone else in
/// the thread. Where the platform withholds text, a message answers such a question if there is one, else it is
/// a question unless its author already has one open there.
/// </summary>
public sealed class ThreadActivityRecorder(IStudyGroupStore groups, IMemberStore members, IParticipationLog log) : IThreadActivity
{
    /// <summary>Questions older than this no longer take answers (nor appear as open in digests).</summary>
    public static readonly TimeSpan OpenFor = TimeSpan.FromDays(30);

    private const int MaxSubjectLength = 64;
    private static readonly string[] Kinds = [ParticipationKinds.ThreadQuestion, ParticipationKinds.ThreadAnswer];

    public async Task RecordAsync(ThreadMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Thread.ThreadId is not { } threadId)
        {
            throw new ArgumentException("A thread message needs the thread's id.", nameof(message));
        }

        if (await groups.FindByHomeAsync(message.Thread.WithoutThread(), cancellationToken) is not { } group)
        {
            return;
        }

        var member = await members.EnsureAsync(message.Author, message.SentAt, cancellationToken);
        var prefix = SubjectPrefix(message.Thread.ChannelId, threadId);
        var open = Open(await log.ListAsync(group.Id, Kinds, message.SentAt - OpenFor, cancellationToken))
            .Where(q => q.Subject.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        var asks = message.Text is { } text && text.Contains('?', StringComparison.Ordinal);
        var answered = message.ReplyToMessageId is { } replyTo
            ? open.FirstOrDefault(q => q.Subject == prefix + replyTo && q.MemberId != member.Id)
            : asks ? null : open.FirstOrDefault(q => q.MemberId != member.Id);
        if (answered is not null)
        {
            await log.RecordOnceAsync(Event(group, member, message, ParticipationKinds.ThreadAnswer, answered.Subject), cancellationToken);
            return;
        }

        if (asks || (message.Text is null && !open.Any(q => q.MemberId == member.Id)))
        {
            var subject = prefix + message.MessageId;
            if (subject.Length > MaxSubjectLength)
            {
                throw new ArgumentException($"Message id '{message.MessageId}' is too long to log.", nameof(message));
            }

            await log.RecordOnceAsync(Event(group, member, message, ParticipationKinds.ThreadQuestion, subject) with { Detail = Excerpt(message.Text) }, cancellationToken);
        }
    }

    /// <summary>Questions among <paramref name="events"/> that no answer event names, oldest first.</summary>
    public static IReadOnlyList<OpenQuestion> Open(IEnumerable<ParticipationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events.ToList();
        var answered = list.Where(e => e.Kind == ParticipationKinds.ThreadAnswer).Select(e => e.Subject).ToHashSet(StringComparer.Ordinal);
        return [.. list
            .Where(e => e.Kind == ParticipationKinds.ThreadQuestion && !answered.Contains(e.Subject))
            .OrderBy(e => e.OccurredAt)
            .Select(e => new OpenQuestion(e.MemberId, e.Subject, e.Detail, e.OccurredAt))];
    }

    /// <summary>The opening words of a question, whitespace collapsed, within the stored limit.</summary>
    public static string? Excerpt(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= ParticipationEvent.MaxDetailLength)
        {
            return collapsed;
        }

        // Never cut an emoji (a surrogate pair) in half.
        var cut = ParticipationEvent.MaxDetailLength - 1;
        if (char.IsHighSurrogate(collapsed[cut - 1]))
        {
            cut--;
        }

        return collapsed[..cut] + "…";
    }

    // Channel and thread together where they fit: Slack thread ids (timestamps) are unique only per channel.
    private static string SubjectPrefix(string channelId, string threadId)
    {
        var full = $"q:{channelId}:{threadId}:";
        return full.Length + 20 <= MaxSubjectLength ? full : $"q:{threadId}:";
    }

    private static ParticipationEvent Event(StudyGroup group, Member member, ThreadMessage message, string kind, string subject) =>
        new(group.Id, member.Id, kind, subject, message.Thread.Platform, message.SentAt);
}

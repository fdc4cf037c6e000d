using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Members;

namespace MathForML.Core.Participation;

/// <summary>An asked question nobody else has answered yet.</summary>
public sealed record OpenQuestion(long MemberId, string Subject, string? Excerpt, DateTimeOffset AskedAt);

/// <summary>
/// Logs questions and answers in a group's threads. A message is an answer when someone else's question in
/// the same thread is still open (the one it replies to, else the oldest); otherwise it is a question when its
/// text has a '?' — or, where the platform withholds text, when its author has no open question there yet.
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
        var answered = message.ReplyToMessageId is { } replyTo
            ? open.FirstOrDefault(q => q.Subject == prefix + replyTo && q.MemberId != member.Id)
            : open.FirstOrDefault(q => q.MemberId != member.Id);
        if (answered is not null)
        {
            await log.RecordOnceAsync(Event(group, member, message, ParticipationKinds.ThreadAnswer, answered.Subject), cancellationToken);
            return;
        }

        var isQuestion = message.Text is { } text ? text.Contains('?', StringComparison.Ordinal) : !open.Any(q => q.MemberId == member.Id);
        if (isQuestion)
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
        return collapsed.Length <= ParticipationEvent.MaxDetailLength ? collapsed : collapsed[..(ParticipationEvent.MaxDetailLength - 1)] + "…";
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

using System.Collections.Concurrent;
using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Groups;
using MathForML.Core.Members;

namespace MathForML.Slack.Benchmarks;

/// <summary>Thread-safe in-memory stores: the burst runs hundreds of commands at once.</summary>
internal sealed class BenchMembers : IMemberStore
{
    private readonly ConcurrentDictionary<string, Member> _members = new(StringComparer.Ordinal);
    private long _next;

    public Task<Member> EnsureAsync(MemberRef member, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        Task.FromResult(_members.GetOrAdd(member.PlatformUserId, _ => new Member(Interlocked.Increment(ref _next), member.Platform, member.PlatformUserId, member.DisplayName, null, seenAt)));

    public Task SetTimeZoneAsync(long memberId, string? timeZoneId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetHiddenFromLeaderboardsAsync(long memberId, bool hidden, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyDictionary<long, string>> OwnTimeZonesAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<long, string>>(new Dictionary<long, string>());
}

internal sealed class NoGroups : IStudyGroupStore
{
    public Task<StudyGroup?> FindByHomeAsync(ConversationRef home, CancellationToken cancellationToken) => Task.FromResult<StudyGroup?>(null);

    public Task<StudyGroup?> FindByIdAsync(long id, CancellationToken cancellationToken) => Task.FromResult<StudyGroup?>(null);

    public Task<StudyGroup?> TryCreateAsync(NewStudyGroup group, CancellationToken cancellationToken) => Task.FromResult<StudyGroup?>(null);

    public Task UpdateAsync(StudyGroup group, CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class NoLedger : IPostLedger
{
    public Task<PostLedgerEntry?> FindAsync(ChatPlatform platform, string key, CancellationToken cancellationToken) => Task.FromResult<PostLedgerEntry?>(null);

    public Task MarkStartedAsync(ChatPlatform platform, string key, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task MarkPostedAsync(ChatPlatform platform, string key, PostedMessage message, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>/answer: an ephemeral verdict (rides on the acknowledgement).</summary>
internal sealed class BenchAnswer : ICommandHandler
{
    public string Path => "answer";

    public bool RequiresGroup => false;

    public Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ChatReply.Text("Correct: " + request.Command.Argument("value"), ephemeral: true));
}

/// <summary>/problem: a public message (chat.postMessage, paced per channel).</summary>
internal sealed class BenchProblem : ICommandHandler
{
    public string Path => "problem";

    public bool RequiresGroup => false;

    public Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ChatReply.Text("**Problem**: differentiate relu(x)."));
}

/// <summary>The burst has no thread replies; the adapter still needs Core's port.</summary>
internal sealed class NoThreadActivity : IThreadActivity
{
    public Task RecordAsync(ThreadMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}

using MathForML.Core.Chat;

namespace MathForML.Storage.Entities;

// Persistence shapes, kept apart from Core's records so the schema can evolve without touching the domain.

internal sealed class StudyGroupEntity
{
    public long Id { get; set; }

    public ChatPlatform Platform { get; set; }

    public string WorkspaceId { get; set; } = "";

    public string ChannelId { get; set; } = "";

    public string Name { get; set; } = "";

    public string TimeZoneId { get; set; } = "";

    /// <summary>Group settings as JSON: new settings need no migration, old rows read with defaults.</summary>
    public string SettingsJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class MemberEntity
{
    public long Id { get; set; }

    public ChatPlatform Platform { get; set; }

    public string PlatformUserId { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>The member's own zone for streaks; null falls back to the group's (schema v2).</summary>
    public string? TimeZoneId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>Not shown by name on leaderboards (schema v7).</summary>
    public bool HiddenFromLeaderboards { get; set; }
}

/// <summary>A problem as posted to a group: which problem (and version), when, until when.</summary>
internal sealed class ProblemPostEntity
{
    public long Id { get; set; }

    public long GroupId { get; set; }

    public string ProblemId { get; set; } = "";

    public int ProblemVersion { get; set; }

    /// <summary>Seed of a parameterized problem's group instance; null for fixed problems.</summary>
    public string? Seed { get; set; }

    public DateTimeOffset PostedAt { get; set; }

    public DateTimeOffset DeadlineAt { get; set; }

    public DateTimeOffset? RevealedAt { get; set; }

    public string? PlatformMessageId { get; set; }

    public string? ThreadId { get; set; }

    /// <summary>The problem's number within its group: #1, #2, … (schema v5).</summary>
    public int Number { get; set; }

    /// <summary>The schedule occurrence (local date) that posted it; unique per group, so a retry finds the same row (schema v5).</summary>
    public string? OccurrenceKey { get; set; }

    public string? ChannelId { get; set; }
}

/// <summary>One submitted answer, kept exactly as typed and as it was read.</summary>
internal sealed class AttemptEntity
{
    public long Id { get; set; }

    public long ProblemPostId { get; set; }

    public long MemberId { get; set; }

    /// <summary>1-based among the member's counted (valid) attempts on this post; 0 for invalid input.</summary>
    public int AttemptNumber { get; set; }

    public string RawInput { get; set; } = "";

    public string? Reading { get; set; }

    public string Verdict { get; set; } = "";

    public string? ReasonCode { get; set; }

    public double Score { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>The member's local day when answering, yyyy-MM-dd, and the zone it was counted in (schema v6).</summary>
    public string? LocalDay { get; set; }

    public string? TimeZoneId { get; set; }

    /// <summary>Submitted after the reveal or deadline (schema v5).</summary>
    public bool Late { get; set; }

    public Core.Chat.ChatPlatform Platform { get; set; }
}

/// <summary>Anything a member did that participation statistics count (schema v2).</summary>
internal sealed class ParticipationEventEntity
{
    public long Id { get; set; }

    public long GroupId { get; set; }

    public long MemberId { get; set; }

    public string Kind { get; set; } = "";

    /// <summary>What the action was about, e.g. "session-3" (schema v4).</summary>
    public string? Subject { get; set; }

    /// <summary>Free text kept with the action, e.g. a question's opening words (schema v8).</summary>
    public string? Detail { get; set; }

    public ChatPlatform Platform { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Kind-specific details as JSON, e.g. the section marked read.</summary>
    public string? DetailsJson { get; set; }
}

/// <summary>A scheduled occurrence of a post, with its state (schema v3).</summary>
internal sealed class DueItemEntity
{
    public long Id { get; set; }

    public long GroupId { get; set; }

    public string Kind { get; set; } = "";

    public string OccurrenceKey { get; set; } = "";

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public Core.Scheduling.DueItemState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? MessageId { get; set; }

    public string? Reason { get; set; }

    public string? PayloadJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A group's reading plan; the plan's details are JSON so the plan model can grow (schema v4).</summary>
internal sealed class ReadingPlanEntity
{
    public long Id { get; set; }

    public long GroupId { get; set; }

    public string BookId { get; set; } = "";

    public string PlanJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Scheduled posts by idempotency key, so a retried post is found instead of sent twice (schema v5).</summary>
internal sealed class PostLedgerEntity
{
    public Core.Chat.ChatPlatform Platform { get; set; }

    public string Key { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? PostedAt { get; set; }

    public string? WorkspaceId { get; set; }

    public string? ChannelId { get; set; }

    public string? MessageId { get; set; }

    public string? ThreadId { get; set; }
}

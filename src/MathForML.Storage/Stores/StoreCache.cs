using System.Collections.Concurrent;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Members;

namespace MathForML.Storage.Stores;

/// <summary>
/// Members and groups as the last read or write of this process saw them, so a command costs no database round trip
/// to learn who sent it and where. Every write through the stores updates or drops the entry it changes; entries
/// also expire after <see cref="Lifetime"/>, which bounds how long a change made by another process (a second bot
/// process on the same database) can go unseen.
/// </summary>
internal sealed class StoreCache(TimeProvider time)
{
    /// <summary>How long an entry is trusted without reading the row again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>A member's "last seen" is written at most this often (it only shows in their data export).</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromHours(1);

    /// <summary>Entries kept at most; past this the cache starts over (a crude bound, rarely reached).</summary>
    public const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<(ChatPlatform, string), MemberEntry> _members = new();
    private readonly ConcurrentDictionary<ConversationRef, GroupEntry> _groups = new();

    /// <summary>A member as cached with the "last seen" time stored for them.</summary>
    public sealed record MemberEntry(Member Member, DateTimeOffset LastSeenStored, DateTimeOffset CachedAt);

    private sealed record GroupEntry(StudyGroup? Group, DateTimeOffset CachedAt);

    /// <summary>The cached member when it is fresh and still says what <paramref name="seen"/> says (same display name).</summary>
    public bool TryGetMember(MemberRef seen, out MemberEntry entry)
    {
        if (_members.TryGetValue((seen.Platform, seen.PlatformUserId), out entry!) && Fresh(entry.CachedAt) && entry.Member.DisplayName == seen.DisplayName)
        {
            return true;
        }

        entry = null!;
        return false;
    }

    public void SetMember(Member member, DateTimeOffset lastSeenStored)
    {
        ArgumentNullException.ThrowIfNull(member);
        Bound(_members);
        _members[(member.Platform, member.PlatformUserId)] = new MemberEntry(member, lastSeenStored, time.GetUtcNow());
    }

    /// <summary>Drops the member with this row id (its settings changed, or it was forgotten).</summary>
    public void ForgetMember(long memberId)
    {
        foreach (var (key, entry) in _members)
        {
            if (entry.Member.Id == memberId)
            {
                _members.TryRemove(key, out _);
            }
        }
    }

    /// <summary>The group whose home is <paramref name="home"/> (null: none there) when the entry is fresh.</summary>
    public bool TryGetGroup(ConversationRef home, out StudyGroup? group)
    {
        if (_groups.TryGetValue(home, out var entry) && Fresh(entry.CachedAt))
        {
            group = entry.Group;
            return true;
        }

        group = null;
        return false;
    }

    public void SetGroup(ConversationRef home, StudyGroup? group)
    {
        Bound(_groups);
        _groups[home] = new GroupEntry(group, time.GetUtcNow());
    }

    /// <summary>Drops every entry for the group with this id, and any cached "no group" for its home.</summary>
    public void ForgetGroup(long groupId, ConversationRef? home = null)
    {
        foreach (var (key, entry) in _groups)
        {
            if (entry.Group?.Id == groupId || key == home)
            {
                _groups.TryRemove(key, out _);
            }
        }
    }

    private bool Fresh(DateTimeOffset cachedAt) => time.GetUtcNow() - cachedAt < Lifetime;

    private static void Bound<TKey, TValue>(ConcurrentDictionary<TKey, TValue> entries) where TKey : notnull
    {
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
    }
}

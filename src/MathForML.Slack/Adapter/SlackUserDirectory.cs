using System.Collections.Concurrent;
using MathForML.Core.Chat;
using MathForML.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.Slack.Adapter;

/// <summary>
/// What the adapter knows about Slack users: profile (<c>users.info</c>, cached), organizer rights, time zone.
/// The host may use <see cref="TimeZoneAsync"/> to offer members their Slack time zone.
/// </summary>
public interface ISlackUserDirectory
{
    /// <summary>The user's profile, or null when Slack does not answer (the failure is logged).</summary>
    Task<SlackUser?> FindAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The IANA time zone of the user's Slack profile (<c>tz</c>), e.g. "Europe/Berlin"; null if unknown.</summary>
    Task<string?> TimeZoneAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Organizer when the user is a workspace admin or owner, is listed in <c>Slack:OrganizerUserIds</c>, or belongs to
    /// the user group <c>Slack:OrganizerUserGroupId</c>; member otherwise.
    /// </summary>
    Task<MemberRole> RoleAsync(string userId, CancellationToken cancellationToken);
}

/// <summary><see cref="ISlackUserDirectory"/> over the Web API, with time-limited caches.</summary>
public sealed class SlackUserDirectory : ISlackUserDirectory
{
    private readonly SlackWebApiClient _api;
    private readonly SlackOptions _options;
    private readonly TimeProvider _time;
    private readonly SlackAdapterTuning _tuning;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, SlackUser User)> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<SlackUser?>>> _lookups = new(StringComparer.Ordinal);
    private volatile GroupSnapshot? _group;

    public SlackUserDirectory(
        SlackWebApiClient api, IOptions<SlackOptions> options, TimeProvider time, SlackAdapterTuning? tuning = null, ILogger<SlackUserDirectory>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _api = api;
        _options = options.Value;
        _time = time;
        _tuning = tuning ?? new SlackAdapterTuning();
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Cached for <see cref="SlackAdapterTuning.UserCacheTtl"/>; concurrent misses for one user share one
    /// <c>users.info</c> call (a burst from one member asks Slack once).</summary>
    public async Task<SlackUser?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        if (_users.TryGetValue(userId, out var cached) && _time.GetUtcNow() - cached.At < _tuning.UserCacheTtl)
        {
            return cached.User;
        }

        var lookup = _lookups.GetOrAdd(userId, id => new Lazy<Task<SlackUser?>>(() => LookUpAsync(id)));
        return await lookup.Value.WaitAsync(cancellationToken);
    }

    /// <summary>One <c>users.info</c> call, not cancelled by any one caller since others may share it.</summary>
    private async Task<SlackUser?> LookUpAsync(string userId)
    {
        try
        {
            var result = await _api.GetUserInfoAsync(userId, CancellationToken.None);
            if (!result.IsSuccess)
            {
                SlackAdapterLog.UserLookupFailed(_logger, userId, result.Error.Code);
                return null;
            }

            _users[userId] = (_time.GetUtcNow(), result.Value);
            return result.Value;
        }
        finally
        {
            _lookups.TryRemove(userId, out _);
        }
    }

    public async Task<string?> TimeZoneAsync(string userId, CancellationToken cancellationToken) =>
        (await FindAsync(userId, cancellationToken))?.TimeZone;

    public async Task<MemberRole> RoleAsync(string userId, CancellationToken cancellationToken)
    {
        if (_options.OrganizerUserIds.Contains(userId, StringComparer.Ordinal))
        {
            return MemberRole.Organizer;
        }

        if (await FindAsync(userId, cancellationToken) is { IsAdmin: true } or { IsOwner: true })
        {
            return MemberRole.Organizer;
        }

        return _options.OrganizerUserGroupId is { } groupId && (await GroupMembersAsync(groupId, cancellationToken)).Contains(userId)
            ? MemberRole.Organizer
            : MemberRole.Member;
    }

    /// <summary>Concurrent misses may both ask Slack; the answers are the same, so no lock is needed.</summary>
    private async Task<HashSet<string>> GroupMembersAsync(string groupId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_group is { } cached && now - cached.At < _tuning.UserGroupCacheTtl)
        {
            return cached.Members;
        }

        var result = await _api.GetUserGroupMembersAsync(groupId, cancellationToken);
        if (!result.IsSuccess)
        {
            SlackAdapterLog.UserGroupLookupFailed(_logger, groupId, result.Error.Code);
            return _group?.Members ?? [];
        }

        var members = new HashSet<string>(result.Value, StringComparer.Ordinal);
        _group = new GroupSnapshot(now, members);
        return members;
    }

    private sealed record GroupSnapshot(DateTimeOffset At, HashSet<string> Members);
}

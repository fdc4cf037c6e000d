using System.Text.Json;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MathForML.Storage.Stores;

/// <summary>Study groups; with a <see cref="StoreCache"/>, finding the group of a channel costs no round trip while fresh.</summary>
internal sealed class SqliteStudyGroupStore(SqliteDatabase database, StoreCache? cache = null) : IStudyGroupStore
{
    private static readonly JsonSerializerOptions SettingsJson = new(JsonSerializerDefaults.Web);

    public async Task<StudyGroup?> FindByHomeAsync(ConversationRef home, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(home);
        home = home.WithoutThread();
        if (cache is not null && cache.TryGetGroup(home, out var cached))
        {
            return cached;
        }

        await using var context = database.CreateContext();
        var entity = await context.StudyGroups.AsNoTracking()
            .SingleOrDefaultAsync(g => g.Platform == home.Platform && g.WorkspaceId == home.WorkspaceId && g.ChannelId == home.ChannelId, cancellationToken);
        var group = entity is null ? null : ToDomain(entity);
        cache?.SetGroup(home, group);
        return group;
    }

    public async Task<StudyGroup?> FindByIdAsync(long id, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var entity = await context.StudyGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        return entity is null ? null : ToDomain(entity);
    }

    public async Task<StudyGroup?> TryCreateAsync(NewStudyGroup group, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var entity = new StudyGroupEntity
        {
            Platform = group.Home.Platform,
            WorkspaceId = group.Home.WorkspaceId,
            ChannelId = group.Home.ChannelId,
            Name = group.Name,
            TimeZoneId = group.TimeZoneId,
            SettingsJson = JsonSerializer.Serialize(group.Settings, SettingsJson),
            CreatedAt = group.CreatedAt,
        };
        context.StudyGroups.Add(entity);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (SqliteErrors.IsUniqueViolation(exception))
        {
            cache?.ForgetGroup(0, group.Home.WithoutThread());
            return null;
        }

        var created = ToDomain(entity);
        cache?.SetGroup(created.Home, created);
        return created;
    }

    public async Task UpdateAsync(StudyGroup group, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var updated = await context.StudyGroups
            .Where(g => g.Id == group.Id)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(g => g.Name, group.Name)
                    .SetProperty(g => g.TimeZoneId, group.TimeZoneId)
                    .SetProperty(g => g.SettingsJson, JsonSerializer.Serialize(group.Settings, SettingsJson)),
                cancellationToken);
        cache?.ForgetGroup(group.Id, group.Home);
        if (updated != 1)
        {
            throw new InvalidOperationException($"Study group {group.Id} does not exist.");
        }
    }

    private static StudyGroup ToDomain(StudyGroupEntity entity) => new(
        entity.Id,
        new ConversationRef(entity.Platform, entity.WorkspaceId, entity.ChannelId),
        entity.Name,
        entity.TimeZoneId,
        JsonSerializer.Deserialize<GroupSettings>(entity.SettingsJson, SettingsJson) ?? new GroupSettings(),
        entity.CreatedAt);
}

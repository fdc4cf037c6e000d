using MathForML.Core.Chat;
using MathForML.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MathForML.Storage.Stores;

internal sealed class SqlitePostLedger(SqliteDatabase database) : IPostLedger
{
    public async Task<PostLedgerEntry?> FindAsync(ChatPlatform platform, string key, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var row = await context.PostLedger.AsNoTracking().SingleOrDefaultAsync(p => p.Platform == platform && p.Key == key, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var message = row.MessageId is null
            ? null
            : new PostedMessage(new ConversationRef(row.Platform, row.WorkspaceId ?? "", row.ChannelId ?? ""), row.MessageId, row.ThreadId);
        return new PostLedgerEntry(row.Platform, row.Key, row.StartedAt, message, row.PostedAt);
    }

    public async Task MarkStartedAsync(ChatPlatform platform, string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        await context.Database.ExecuteSqlAsync(
            $"INSERT INTO PostLedger (Platform, Key, StartedAt) VALUES ({platform.ToString()}, {key}, {at.ToUnixTimeMilliseconds()}) ON CONFLICT (Platform, Key) DO NOTHING",
            cancellationToken);
    }

    public async Task MarkPostedAsync(ChatPlatform platform, string key, PostedMessage message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var conversation = message.Conversation;
        await using var context = database.CreateContext();
        await context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO PostLedger (Platform, Key, StartedAt, PostedAt, WorkspaceId, ChannelId, MessageId, ThreadId)
            VALUES ({platform.ToString()}, {key}, {at.ToUnixTimeMilliseconds()}, {at.ToUnixTimeMilliseconds()}, {conversation.WorkspaceId}, {conversation.ChannelId}, {message.MessageId}, {message.ThreadId})
            ON CONFLICT (Platform, Key) DO UPDATE SET PostedAt = excluded.PostedAt, WorkspaceId = excluded.WorkspaceId,
                ChannelId = excluded.ChannelId, MessageId = excluded.MessageId, ThreadId = excluded.ThreadId
            """,
            cancellationToken);
    }
}

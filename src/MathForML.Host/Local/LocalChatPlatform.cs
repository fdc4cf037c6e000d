using System.Globalization;
using MathForML.Core.Chat;

namespace MathForML.Host.Local;

/// <summary>
/// Scheduled posts for the local group, printed into the terminal. Keys already posted in this
/// process are not printed again (the terminal cannot take a line back).
/// </summary>
internal sealed class LocalChatPlatform(LocalConsole console, LocalTranscript transcript) : IChatPlatform
{
    public const string PostHeader = "[post]";
    private readonly Dictionary<string, PostedMessage> _posted = new(StringComparer.Ordinal);
    private int _count;

    public ChatPlatform Platform => ChatPlatform.Local;

    public async Task<PostResult> PostAsync(ChatPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var text = await transcript.FormatAsync(post.Content, post.ThreadTitle, cancellationToken);
        await transcript.Gate.WaitAsync(cancellationToken);
        try
        {
            if (post.IdempotencyKey is { } key && _posted.TryGetValue(key, out var earlier))
            {
                return PostResult.Posted(earlier);
            }

            await console.Out.WriteLineAsync(PostHeader + " " + text);
            await console.Out.WriteLineAsync();
            await console.Out.FlushAsync(cancellationToken);
            var message = new PostedMessage(post.Target, "local-" + (++_count).ToString(CultureInfo.InvariantCulture), post.ThreadTitle is null ? null : "thread-" + _count.ToString(CultureInfo.InvariantCulture));
            if (post.IdempotencyKey is { } newKey)
            {
                _posted[newKey] = message;
            }

            return PostResult.Posted(message);
        }
        finally
        {
            transcript.Gate.Release();
        }
    }
}

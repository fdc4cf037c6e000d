namespace MathForML.Core.Chat;

/// <summary>The platforms connected in this process, by kind.</summary>
public sealed class ChatPlatforms(IEnumerable<IChatPlatform> platforms)
{
    private readonly Dictionary<ChatPlatform, IChatPlatform> _byKind = platforms.ToDictionary(p => p.Platform);

    public IChatPlatform? For(ChatPlatform platform) => _byKind.GetValueOrDefault(platform);
}

using MathForML.Discord.Rest;

namespace MathForML.Discord.Adapter;

/// <summary>The bot's own user id: learned from READY, or asked of <c>/users/@me</c> when needed first.</summary>
public sealed class DiscordBotIdentity(DiscordRestClient rest)
{
    private volatile string? _userId;

    public string? UserId => _userId;

    public void Learned(string userId) => _userId = userId;

    public async Task<string?> GetUserIdAsync(CancellationToken cancellationToken)
    {
        if (_userId is { } known)
        {
            return known;
        }

        var me = await rest.GetCurrentUserAsync(cancellationToken);
        if (me.IsSuccess)
        {
            _userId = me.Value!.Id;
        }

        return _userId;
    }
}

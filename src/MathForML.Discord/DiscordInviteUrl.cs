using System.Globalization;

namespace MathForML.Discord;

/// <summary>Builds the OAuth2 URL that adds the bot to a server with the scopes and permissions it needs.</summary>
public static class DiscordInviteUrl
{
    public const string AuthorizeEndpoint = "https://discord.com/oauth2/authorize";

    /// <summary><c>bot</c> joins the bot user; <c>applications.commands</c> lets it register slash commands.</summary>
    public const string Scopes = "bot applications.commands";

    public static Uri Build(string applicationId, DiscordPermissions permissions = DiscordPermissions.StudyBotRequired)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        var query = string.Create(CultureInfo.InvariantCulture,
            $"client_id={Uri.EscapeDataString(applicationId)}&scope={Uri.EscapeDataString(Scopes)}&permissions={(ulong)permissions}");
        return new Uri($"{AuthorizeEndpoint}?{query}");
    }
}

namespace MathForML.Core.Chat;

/// <summary>Where a message came from or goes to.</summary>
public enum ChatPlatform
{
    Local,
    Discord,
    Slack,
}

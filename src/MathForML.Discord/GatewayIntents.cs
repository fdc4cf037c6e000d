namespace MathForML.Discord;

/// <summary>Gateway intents (bit flags sent in IDENTIFY) that select which events Discord sends.</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    /// <summary>Privileged: must be enabled in the developer portal.</summary>
    GuildMembers = 1 << 1,
    GuildModeration = 1 << 2,
    GuildExpressions = 1 << 3,
    GuildIntegrations = 1 << 4,
    GuildWebhooks = 1 << 5,
    GuildInvites = 1 << 6,
    GuildVoiceStates = 1 << 7,
    /// <summary>Privileged: must be enabled in the developer portal.</summary>
    GuildPresences = 1 << 8,
    GuildMessages = 1 << 9,
    GuildMessageReactions = 1 << 10,
    GuildMessageTyping = 1 << 11,
    DirectMessages = 1 << 12,
    DirectMessageReactions = 1 << 13,
    DirectMessageTyping = 1 << 14,
    /// <summary>Privileged: must be enabled in the developer portal.</summary>
    MessageContent = 1 << 15,
    GuildScheduledEvents = 1 << 16,

    /// <summary>What the study-group bot needs: guild, channel and thread lifecycle (Guilds: which channels
    /// are threads) and MESSAGE_CREATE (GuildMessages, not privileged) to log who asks and answers in
    /// threads. Slash commands, components and modals arrive without any intent. Message text needs the
    /// privileged MessageContent intent, which is optional and left out.</summary>
    StudyBotDefault = Guilds | GuildMessages,

    /// <summary>The intents Discord gates behind the developer portal's "privileged" switches.</summary>
    Privileged = GuildMembers | GuildPresences | MessageContent,
}

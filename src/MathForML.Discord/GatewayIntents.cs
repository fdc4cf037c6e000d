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

    /// <summary>What the study-group bot needs: guild, channel and thread lifecycle. Slash commands,
    /// components and modals arrive without any intent, and the bot reads no messages, so GuildMessages
    /// (a MESSAGE_CREATE for every message in every server) is left out.</summary>
    StudyBotDefault = Guilds,

    /// <summary>The intents Discord gates behind the developer portal's "privileged" switches.</summary>
    Privileged = GuildMembers | GuildPresences | MessageContent,
}

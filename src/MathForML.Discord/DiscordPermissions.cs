using System.Globalization;

namespace MathForML.Discord;

/// <summary>Discord permission bits (serialized by Discord as a decimal string).</summary>
[Flags]
#pragma warning disable CA1711 // "Permissions" is Discord's own name for this bit set.
public enum DiscordPermissions : ulong
#pragma warning restore CA1711
{
    None = 0,
    CreateInstantInvite = 1UL << 0,
    KickMembers = 1UL << 1,
    BanMembers = 1UL << 2,
    Administrator = 1UL << 3,
    ManageChannels = 1UL << 4,
    ManageGuild = 1UL << 5,
    AddReactions = 1UL << 6,
    ViewChannel = 1UL << 10,
    SendMessages = 1UL << 11,
    ManageMessages = 1UL << 13,
    EmbedLinks = 1UL << 14,
    AttachFiles = 1UL << 15,
    ReadMessageHistory = 1UL << 16,
    MentionEveryone = 1UL << 17,
    ManageRoles = 1UL << 28,
    ManageThreads = 1UL << 34,
    CreatePublicThreads = 1UL << 35,
    CreatePrivateThreads = 1UL << 36,
    SendMessagesInThreads = 1UL << 38,

    /// <summary>Everything the study-group bot needs in the channels it posts to.</summary>
    StudyBotRequired = ViewChannel | SendMessages | SendMessagesInThreads | CreatePublicThreads
        | EmbedLinks | AttachFiles | ReadMessageHistory,
}

/// <summary>Parsing and checks on Discord's permission strings.</summary>
public static class DiscordPermissionsParser
{
    /// <summary>Parses Discord's decimal permission string; null when it is absent or not a number.</summary>
    public static DiscordPermissions? Parse(string? value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            ? (DiscordPermissions)bits
            : null;

    /// <summary>True when the member may run organizer commands: Manage Server, or Administrator
    /// (which implies every permission).</summary>
    public static bool CanManageGuild(this DiscordPermissions permissions) =>
        (permissions & (DiscordPermissions.ManageGuild | DiscordPermissions.Administrator)) != 0;

    /// <summary>The decimal string form Discord expects (e.g. for <c>default_member_permissions</c>).</summary>
    public static string ToWireString(this DiscordPermissions permissions) =>
        ((ulong)permissions).ToString(CultureInfo.InvariantCulture);
}

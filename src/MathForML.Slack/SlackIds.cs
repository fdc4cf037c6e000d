namespace MathForML.Slack;

/// <summary>Shape checks for Slack object IDs (uppercase letters and digits after a kind letter).</summary>
public static class SlackIds
{
    /// <summary>Shortest ID we accept: a kind letter and at least two more characters.</summary>
    private const int MinIdLength = 3;

    /// <summary>Longest ID we accept; Slack IDs are far shorter, this only bounds garbage.</summary>
    private const int MaxIdLength = 32;

    private static readonly System.Buffers.SearchValues<char> IdCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>User IDs start with U, or W on Enterprise Grid.</summary>
    public static bool IsUserId(string? id) => HasShape(id, 'U', 'W');

    public static bool IsUserGroupId(string? id) => HasShape(id, 'S', 'S');

    /// <summary>Public channels C, private channels/group DMs G, direct messages D.</summary>
    public static bool IsConversationId(string? id) => HasShape(id, 'C', 'G') || HasShape(id, 'D', 'D');

    private static bool HasShape(string? id, char kind, char alternativeKind) =>
        id is { Length: >= MinIdLength and <= MaxIdLength }
        && (id[0] == kind || id[0] == alternativeKind)
        && id.AsSpan(1).IndexOfAnyExcept(IdCharacters) < 0;
}

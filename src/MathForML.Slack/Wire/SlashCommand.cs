using System.Text.Json;

namespace MathForML.Slack.Wire;

/// <summary>A slash command invocation (Socket Mode payload or HTTP form; the fields are the same).</summary>
public sealed record SlashCommand(
    string Command,
    string Text,
    string UserId,
    string? UserName,
    string ChannelId,
    string TeamId,
    string? TriggerId,
    string? ResponseUrl);

public static class SlashCommandParser
{
    /// <summary>The <c>payload</c> of a <c>slash_commands</c> envelope.</summary>
    public static WireResult<SlashCommand> FromJson(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return WireResult<SlashCommand>.Failure("$", WireMessages.NotAnObject);
        }

        return Build(name => JsonRead.String(payload, name), name => "$." + name);
    }

    /// <summary>An HTTP-mode form body, already decoded into fields.</summary>
    public static WireResult<SlashCommand> FromForm(IReadOnlyDictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Build(name => form.TryGetValue(name, out var value) ? value : null, name => "form:" + name);
    }

    private static WireResult<SlashCommand> Build(Func<string, string?> field, Func<string, string> path)
    {
        foreach (var required in (ReadOnlySpan<string>)["command", "user_id", "channel_id", "team_id"])
        {
            if (string.IsNullOrEmpty(field(required)))
            {
                return WireResult<SlashCommand>.Failure(path(required), WireMessages.Missing);
            }
        }

        return WireResult<SlashCommand>.Success(new SlashCommand(
            field("command")!,
            field("text") ?? "",
            field("user_id")!,
            field("user_name"),
            field("channel_id")!,
            field("team_id")!,
            field("trigger_id"),
            field("response_url")));
    }
}

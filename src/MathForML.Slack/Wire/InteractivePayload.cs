using System.Text.Json;

namespace MathForML.Slack.Wire;

/// <summary>An interaction: a button/select in a message (<see cref="BlockActions"/>) or a submitted modal (<see cref="ViewSubmission"/>).</summary>
public abstract record InteractivePayload(string UserId, string? TeamId, string? TriggerId)
{
    /// <summary>The user's name (<c>user.username</c> or <c>user.name</c>), if Slack sent one.</summary>
    public string? UserName { get; init; }
}

/// <summary>One action of a <c>block_actions</c> payload. <see cref="Value"/> is a button's value or a select's chosen value.</summary>
public sealed record BlockAction(string ActionId, string? BlockId, string Type, string? Value);

public sealed record BlockActions(
    string UserId,
    string? TeamId,
    string? TriggerId,
    string? ChannelId,
    string? MessageTs,
    string? ResponseUrl,
    IReadOnlyList<BlockAction> Actions)
    : InteractivePayload(UserId, TeamId, TriggerId)
{
    /// <summary>The thread the pressed message is in (<c>container.thread_ts</c> or <c>message.thread_ts</c>), if any.</summary>
    public string? ThreadTs { get; init; }
}

/// <summary>One input of a submitted view; <see cref="SelectedValues"/> holds multi-select and checkbox choices.</summary>
public sealed record ViewStateValue(string Type, string? Value, IReadOnlyList<string> SelectedValues);

public sealed record ViewSubmission(
    string UserId,
    string? TeamId,
    string? TriggerId,
    string ViewId,
    string? CallbackId,
    string? PrivateMetadata,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewStateValue>> Values)
    : InteractivePayload(UserId, TeamId, TriggerId)
{
    /// <summary>The value of input <paramref name="actionId"/> in block <paramref name="blockId"/>, if present.</summary>
    public string? ValueOf(string blockId, string actionId) =>
        Values.TryGetValue(blockId, out var block) && block.TryGetValue(actionId, out var value) ? value.Value : null;
}

public static class InteractivePayloadParser
{
    public static WireResult<InteractivePayload> Parse(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return WireResult<InteractivePayload>.Failure("$", WireMessages.NotAnObject);
        }

        var userId = JsonRead.Object(payload, "user") is { } user ? JsonRead.String(user, "id") : null;
        if (userId is null)
        {
            return WireResult<InteractivePayload>.Failure("$.user.id", WireMessages.Missing);
        }

        var teamId = JsonRead.Object(payload, "team") is { } team ? JsonRead.String(team, "id") : null;
        var triggerId = JsonRead.String(payload, "trigger_id");
        var result = JsonRead.String(payload, "type") switch
        {
            "block_actions" => ParseBlockActions(payload, userId, teamId, triggerId),
            "view_submission" => ParseViewSubmission(payload, userId, teamId, triggerId),
            null => WireResult<InteractivePayload>.Failure("$.type", WireMessages.Missing),
            _ => WireResult<InteractivePayload>.Failure("$.type", WireMessages.UnsupportedInteraction),
        };
        var userObject = JsonRead.Object(payload, "user")!.Value;
        var userName = JsonRead.String(userObject, "username") ?? JsonRead.String(userObject, "name");
        return result.IsSuccess && userName is not null
            ? WireResult<InteractivePayload>.Success(result.Value with { UserName = userName })
            : result;
    }

    private static WireResult<InteractivePayload> ParseBlockActions(JsonElement payload, string userId, string? teamId, string? triggerId)
    {
        if (JsonRead.Array(payload, "actions") is not { } actions)
        {
            return WireResult<InteractivePayload>.Failure("$.actions", WireMessages.NotAnArray);
        }

        var parsed = new List<BlockAction>();
        var index = 0;
        foreach (var action in actions.EnumerateArray())
        {
            var actionId = JsonRead.String(action, "action_id");
            var type = JsonRead.String(action, "type");
            if (actionId is null || type is null)
            {
                return WireResult<InteractivePayload>.Failure($"$.actions[{index}].{(actionId is null ? "action_id" : "type")}", WireMessages.Missing);
            }

            var value = JsonRead.String(action, "value")
                        ?? (JsonRead.Object(action, "selected_option") is { } option ? JsonRead.String(option, "value") : null);
            parsed.Add(new BlockAction(actionId, JsonRead.String(action, "block_id"), type, value));
            index++;
        }

        var channelId = JsonRead.Object(payload, "channel") is { } channel ? JsonRead.String(channel, "id") : null;
        var container = JsonRead.Object(payload, "container");
        var messageTs = (container is { } c ? JsonRead.String(c, "message_ts") : null)
                        ?? (JsonRead.Object(payload, "message") is { } message ? JsonRead.String(message, "ts") : null);
        var threadTs = (container is { } ct ? JsonRead.String(ct, "thread_ts") : null)
                       ?? (JsonRead.Object(payload, "message") is { } m ? JsonRead.String(m, "thread_ts") : null);
        return WireResult<InteractivePayload>.Success(new BlockActions(
            userId, teamId, triggerId, channelId, messageTs, JsonRead.String(payload, "response_url"), parsed)
        {
            ThreadTs = threadTs,
        });
    }

    private static WireResult<InteractivePayload> ParseViewSubmission(JsonElement payload, string userId, string? teamId, string? triggerId)
    {
        if (JsonRead.Object(payload, "view") is not { } view)
        {
            return WireResult<InteractivePayload>.Failure("$.view", WireMessages.NotAnObject);
        }

        if (JsonRead.String(view, "id") is not { } viewId)
        {
            return WireResult<InteractivePayload>.Failure("$.view.id", WireMessages.Missing);
        }

        var values = new Dictionary<string, IReadOnlyDictionary<string, ViewStateValue>>(StringComparer.Ordinal);
        if (JsonRead.Object(view, "state") is { } state && JsonRead.Object(state, "values") is { } blocks)
        {
            foreach (var block in blocks.EnumerateObject())
            {
                if (block.Value.ValueKind != JsonValueKind.Object)
                {
                    return WireResult<InteractivePayload>.Failure($"$.view.state.values.{block.Name}", WireMessages.NotAnObject);
                }

                var inputs = new Dictionary<string, ViewStateValue>(StringComparer.Ordinal);
                foreach (var input in block.Value.EnumerateObject())
                {
                    var type = JsonRead.String(input.Value, "type");
                    if (type is null)
                    {
                        return WireResult<InteractivePayload>.Failure($"$.view.state.values.{block.Name}.{input.Name}.type", WireMessages.Missing);
                    }

                    inputs[input.Name] = ReadInput(input.Value, type);
                }

                values[block.Name] = inputs;
            }
        }

        return WireResult<InteractivePayload>.Success(new ViewSubmission(
            userId, teamId, triggerId, viewId, JsonRead.String(view, "callback_id"), JsonRead.String(view, "private_metadata"), values));
    }

    private static ViewStateValue ReadInput(JsonElement input, string type)
    {
        var value = JsonRead.String(input, "value")
                    ?? (JsonRead.Object(input, "selected_option") is { } option ? JsonRead.String(option, "value") : null)
                    ?? JsonRead.String(input, "selected_date")
                    ?? JsonRead.String(input, "selected_time")
                    ?? JsonRead.String(input, "selected_user")
                    ?? JsonRead.String(input, "selected_conversation");
        var selected = JsonRead.Array(input, "selected_options") is { } options
            ? options.EnumerateArray().Select(o => JsonRead.String(o, "value")).OfType<string>().ToArray()
            : [];
        return new ViewStateValue(type, value, selected);
    }
}

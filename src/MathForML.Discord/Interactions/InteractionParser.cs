using System.Text.Json;
using MathForML.Discord.Rest;

namespace MathForML.Discord.Interactions;

/// <summary>A malformed interaction: what was wrong and where (a JSON path into <c>d</c>).</summary>
public sealed record InteractionParseError(string Path, string Problem)
{
    public override string ToString() => $"{Path}: {Problem}";
}

/// <summary>Parsing outcome: the interaction or the error (malformed payloads are values, not exceptions).</summary>
public sealed record InteractionParseResult(Interaction? Interaction, InteractionParseError? Error)
{
    public bool IsSuccess => Error is null;
}

/// <summary>Parses the <c>d</c> of INTERACTION_CREATE (types 2–5).</summary>
public static class InteractionParser
{
    public const string MissingField = "required field is missing or has the wrong type";
    public const string UnknownType = "unknown interaction type";
    public const string NoUser = "neither member.user nor user is present";

    private sealed class ParseException(string path, string problem) : Exception(problem)
    {
        public string Path { get; } = path;
    }

    public static InteractionParseResult Parse(JsonElement data)
    {
        try
        {
            return new InteractionParseResult(ParseInteraction(data), null);
        }
        catch (ParseException error)
        {
            return new InteractionParseResult(null, new InteractionParseError(error.Path, error.Message));
        }
    }

    private static Interaction ParseInteraction(JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object)
        {
            throw new ParseException("$", MissingField);
        }

        var typeNumber = RequiredInt(d, "type", "$");
        if (!Enum.IsDefined((InteractionType)typeNumber))
        {
            throw new ParseException("$.type", UnknownType);
        }

        var type = (InteractionType)typeNumber;
        var (user, permissions, roles) = ParseInvoker(d);
        var nick = d.TryGetProperty("member", out var invoker) && invoker.ValueKind == JsonValueKind.Object ? OptionalString(invoker, "nick") : null;
        JsonElement? channel = d.TryGetProperty("channel", out var ch) && ch.ValueKind == JsonValueKind.Object ? ch : null;
        var interaction = new Interaction
        {
            Id = RequiredString(d, "id", "$"),
            ApplicationId = RequiredString(d, "application_id", "$"),
            Type = type,
            Token = RequiredString(d, "token", "$"),
            GuildId = OptionalString(d, "guild_id"),
            ChannelId = OptionalString(d, "channel_id") ?? (channel is { } c ? OptionalString(c, "id") : null),
            ChannelType = channel is { } typed && typed.TryGetProperty("type", out var channelType) && channelType.ValueKind == JsonValueKind.Number
                && channelType.TryGetInt32(out var typeValue) ? typeValue : null,
            ChannelParentId = channel is { } parent ? OptionalString(parent, "parent_id") : null,
            User = user,
            MemberPermissions = permissions,
            MemberRoles = roles,
            MemberNick = string.IsNullOrWhiteSpace(nick) ? null : nick,
            Locale = OptionalString(d, "locale"),
            MessageId = d.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object ? OptionalString(message, "id") : null,
        };

        if (type == InteractionType.Ping)
        {
            return interaction;
        }

        var data = Required(d, "data", "$", JsonValueKind.Object);
        return type switch
        {
            InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete => interaction with
            {
                Command = new CommandData(RequiredString(data, "id", "$.data"), RequiredString(data, "name", "$.data"), ParseOptions(data, "$.data")),
            },
            InteractionType.MessageComponent => interaction with
            {
                Component = new ComponentData(
                    RequiredString(data, "custom_id", "$.data"),
                    (ComponentType)RequiredInt(data, "component_type", "$.data"),
                    data.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array
                        ? values.EnumerateArray().Select(v => v.GetString() ?? "").ToList()
                        : []),
            },
            _ => interaction with { Modal = ParseModal(data) },
        };
    }

    private static (DiscordUser User, DiscordPermissions? Permissions, IReadOnlyList<string> Roles) ParseInvoker(JsonElement d)
    {
        if (d.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object)
        {
            var user = ParseUser(Required(member, "user", "$.member", JsonValueKind.Object), "$.member.user");
            var permissions = DiscordPermissionsParser.Parse(OptionalString(member, "permissions"));
            var roles = member.TryGetProperty("roles", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
                : [];
            return (user, permissions, roles);
        }

        if (d.TryGetProperty("user", out var dmUser) && dmUser.ValueKind == JsonValueKind.Object)
        {
            return (ParseUser(dmUser, "$.user"), null, []);
        }

        throw new ParseException("$", NoUser);
    }

    private static DiscordUser ParseUser(JsonElement user, string path) => new()
    {
        Id = RequiredString(user, "id", path),
        Username = OptionalString(user, "username"),
        GlobalName = OptionalString(user, "global_name"),
        Bot = user.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.True ? true : null,
    };

    private static List<CommandOptionValue> ParseOptions(JsonElement parent, string path)
    {
        if (!parent.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<CommandOptionValue>();
        var index = 0;
        foreach (var option in options.EnumerateArray())
        {
            var here = $"{path}.options[{index++}]";
            result.Add(new CommandOptionValue(
                RequiredString(option, "name", here),
                (ApplicationCommandOptionType)RequiredInt(option, "type", here),
                option.TryGetProperty("value", out var value) ? value : default,
                option.TryGetProperty("focused", out var focused) && focused.ValueKind == JsonValueKind.True,
                ParseOptions(option, here)));
        }

        return result;
    }

    private static ModalSubmitData ParseModal(JsonElement data)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = Required(data, "components", "$.data", JsonValueKind.Array);
        var rowIndex = 0;
        foreach (var row in rows.EnumerateArray())
        {
            var rowPath = $"$.data.components[{rowIndex++}]";
            if (!row.TryGetProperty("components", out var inputs) || inputs.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var inputIndex = 0;
            foreach (var input in inputs.EnumerateArray())
            {
                var inputPath = $"{rowPath}.components[{inputIndex++}]";
                values[RequiredString(input, "custom_id", inputPath)] = OptionalString(input, "value") ?? "";
            }
        }

        return new ModalSubmitData(RequiredString(data, "custom_id", "$.data"), values);
    }

    private static JsonElement Required(JsonElement parent, string name, string path, JsonValueKind kind) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == kind ? value : throw new ParseException($"{path}.{name}", MissingField);

    private static string RequiredString(JsonElement parent, string name, string path) =>
        Required(parent, name, path, JsonValueKind.String).GetString()!;

    private static int RequiredInt(JsonElement parent, string name, string path) =>
        Required(parent, name, path, JsonValueKind.Number).TryGetInt32(out var v) ? v : throw new ParseException($"{path}.{name}", MissingField);

    private static string? OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

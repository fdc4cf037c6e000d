using System.Text.Json;
using System.Text.Json.Serialization;

namespace MathForML.Discord.Rest;

/// <summary>Serializer settings matching Discord's wire format: snake_case names, absent instead of null.</summary>
public static class DiscordJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

using System.Reflection;
using MathForML.Content;
using MathForML.Core.Concurrency;
using MathForML.Discord;
using MathForML.Slack;
using MathForML.Host.Local;
using MathForML.Storage;
using Microsoft.Extensions.Options;

namespace MathForML.Host.Hosting;

/// <summary>The configuration sections MathForML reads, and the options class each binds to.</summary>
internal static class KnownSettings
{
    /// <summary>Sections checked key by key against their options class, and validated before start.</summary>
    public static readonly IReadOnlyDictionary<string, Type> TypedSections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        [StorageOptions.SectionName] = typeof(StorageOptions),
        [LocalChannelOptions.SectionName] = typeof(LocalChannelOptions),
        [ContentOptions.SectionName] = typeof(ContentOptions),
        [DiscordOptions.SectionName] = typeof(DiscordOptions),
        [SlackOptions.SectionName] = typeof(SlackOptions),
        [CommandWorkOptions.SectionName] = typeof(CommandWorkOptions),
        [BotHostOptions.SectionName] = typeof(BotHostOptions),
    };

    /// <summary>Sections that are free-form.</summary>
    public static readonly IReadOnlySet<string> OtherSections = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Logging" };

    /// <summary>
    /// Resolves every validated options class and collects all failures, so a user fixes the whole
    /// configuration in one go instead of one error per start.
    /// </summary>
    public static IReadOnlyList<string> ValidateAll(IServiceProvider services)
    {
        var failures = new List<string>();
        foreach (var type in TypedSections.Values)
        {
            var options = services.GetService(typeof(IOptions<>).MakeGenericType(type));
            if (options is null)
            {
                continue;
            }

            try
            {
                _ = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is OptionsValidationException validation)
            {
                failures.AddRange(validation.Failures);
            }
        }

        return failures;
    }
}

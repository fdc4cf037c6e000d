using System.Globalization;
using MathForML.Core.Groups;
using Microsoft.Extensions.Options;

namespace MathForML.Host.Local;

/// <summary>When the terminal chat runs.</summary>
public enum LocalChannelMode
{
    /// <summary>Runs when no chat platform is connected.</summary>
    Auto,
    On,
    Off,
}

/// <summary>The local channel: a terminal chat with the bot as one study group.</summary>
public sealed class LocalChannelOptions
{
    public const string SectionName = "Local";

    public LocalChannelMode Mode { get; set; } = LocalChannelMode.Auto;

    /// <summary>Where rendered images are written; relative to the working directory.</summary>
    public string RendersDirectory { get; set; } = "data/renders";

    public string GroupName { get; set; } = "Local study group";

    /// <summary>IANA time zone of the local group (and of the local user's day for streaks).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How the local user is shown; the local user is the group's organizer.</summary>
    public string UserName { get; set; } = "you";
}

internal sealed class LocalChannelOptionsValidator : IValidateOptions<LocalChannelOptions>
{
    public const string EmptyFormat = "Local:{0}: must not be empty.";
    public const string TooLongFormat = "Local:{0}: must be at most {1} characters.";
    public const string UnknownZoneFormat = "Local:TimeZone: '{0}' is not an IANA time zone such as Europe/Berlin or America/New_York.";

    public ValidateOptionsResult Validate(string? name, LocalChannelOptions options)
    {
        var failures = new List<string>();
        Require(failures, nameof(options.RendersDirectory), options.RendersDirectory, 260);
        Require(failures, nameof(options.GroupName), options.GroupName, GroupMessages.MaxNameLength);
        Require(failures, nameof(options.UserName), options.UserName, 80);
        if (string.IsNullOrWhiteSpace(options.TimeZone) || TimeZones.Find(options.TimeZone) is null)
        {
            failures.Add(string.Format(CultureInfo.InvariantCulture, UnknownZoneFormat, options.TimeZone));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string key, string value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add(string.Format(CultureInfo.InvariantCulture, EmptyFormat, key));
        }
        else if (value.Length > maxLength)
        {
            failures.Add(string.Format(CultureInfo.InvariantCulture, TooLongFormat, key, maxLength));
        }
    }
}

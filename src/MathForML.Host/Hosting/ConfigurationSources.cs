using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace MathForML.Host.Hosting;

/// <summary>Builds the configuration and says where any key's value came from.</summary>
internal static class ConfigurationSources
{
    public const string EnvironmentPrefix = "MATHFORML__";
    public const string SettingsFile = "config/appsettings.json";

    /// <summary>
    /// Shipped defaults beside the binary, then config/appsettings.json in the working directory,
    /// then MATHFORML__ environment variables, then the command line; later sources win.
    /// </summary>
    public static IConfigurationRoot Build(string workingDirectory, string[] args, IDictionary<string, string?>? environment = null)
    {
        var builder = new ConfigurationBuilder();
        var shipped = Path.Combine(AppContext.BaseDirectory, SettingsFile);
        var local = Path.Combine(workingDirectory, SettingsFile);
        if (!string.Equals(Path.GetFullPath(shipped), Path.GetFullPath(local), StringComparison.Ordinal))
        {
            builder.AddJsonFile(shipped, optional: true, reloadOnChange: false);
        }

        builder.AddJsonFile(local, optional: true, reloadOnChange: false);
        if (environment is null)
        {
            builder.AddEnvironmentVariables(EnvironmentPrefix);
        }
        else
        {
            builder.AddInMemoryCollection(environment
                .Where(e => e.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
                .Select(e => KeyValuePair.Create(e.Key[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), e.Value)));
        }

        builder.AddCommandLine(args);
        return builder.Build();
    }

    /// <summary>"config/appsettings.json", "environment variable MATHFORML__X__Y", "command line" or "default".</summary>
    public static string Describe(IConfigurationRoot configuration, string key, string workingDirectory)
    {
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _))
            {
                continue;
            }

            return provider switch
            {
                JsonConfigurationProvider json => DescribeFile(json, workingDirectory),
                EnvironmentVariablesConfigurationProvider => "environment variable " + EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal),
                CommandLineConfigurationProvider => "command line --" + key,
                _ => "environment variable " + EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal),
            };
        }

        return "built-in default";
    }

    private static string DescribeFile(JsonConfigurationProvider provider, string workingDirectory)
    {
        var root = (provider.Source.FileProvider as Microsoft.Extensions.FileProviders.PhysicalFileProvider)?.Root ?? "";
        var full = Path.GetFullPath(Path.Combine(root, provider.Source.Path ?? ""));
        var relative = Path.GetRelativePath(workingDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }
}

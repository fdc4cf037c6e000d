using System.Text.Json;
using System.Text.RegularExpressions;
using MathForML.Host.Hosting;
using MathForML.TestKit;
using Microsoft.Extensions.Configuration;

namespace MathForML.Host.Tests.Deployment;

/// <summary>
/// The Dockerfile cannot be built here (no Docker daemon), so what can go wrong in it silently is
/// checked against the build itself: the runtime image, the files it copies, the settings it sets.
/// </summary>
public sealed partial class DockerfileTests
{
    /// <summary>The shared frameworks each official .NET base image carries.</summary>
    private static readonly Dictionary<string, string[]> FrameworksByImage = new(StringComparer.Ordinal)
    {
        ["mcr.microsoft.com/dotnet/runtime-deps"] = [],
        ["mcr.microsoft.com/dotnet/runtime"] = ["Microsoft.NETCore.App"],
        ["mcr.microsoft.com/dotnet/aspnet"] = ["Microsoft.NETCore.App", "Microsoft.AspNetCore.App"],
        ["mcr.microsoft.com/dotnet/sdk"] = ["Microsoft.NETCore.App", "Microsoft.AspNetCore.App"],
    };

    private static readonly string[] Lines = JoinContinuations(File.ReadAllLines(Repository.Path("Dockerfile")));

    [Fact]
    public void The_runtime_image_provides_every_shared_framework_the_host_runs_on()
    {
        var image = Lines.Last(l => l.StartsWith("FROM ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var (repository, tag) = (image[..image.IndexOf(':', StringComparison.Ordinal)], image[(image.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "mathforml.runtimeconfig.json")));
        var options = runtimeConfig.RootElement.GetProperty("runtimeOptions");
        var needed = options.GetProperty("frameworks").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();

        Assert.True(FrameworksByImage.TryGetValue(repository, out var provided), $"{repository} is not an image this test knows");
        Assert.All(needed, framework => Assert.Contains(framework, provided));
        Assert.Equal(options.GetProperty("tfm").GetString(), "net" + tag);
    }

    [Fact]
    public void Every_file_the_image_copies_from_the_repository_exists()
    {
        var sources = Lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.True(File.Exists(Repository.Path(source)) || Directory.Exists(Repository.Path(source)), $"COPY {source}: not in the repository"));
    }

    [Fact]
    public void The_settings_the_image_sets_are_ones_the_host_knows()
    {
        var settings = Lines.Where(l => l.StartsWith("ENV ", StringComparison.Ordinal))
            .SelectMany(l => EnvAssignment().Matches(l).Select(m => (Name: m.Groups["name"].Value, Value: m.Groups["value"].Value)))
            .Where(s => s.Name.StartsWith("MATHFORML__", StringComparison.Ordinal))
            .ToDictionary(s => s.Name["MATHFORML__".Length..].Replace("__", ":", StringComparison.Ordinal), string? (s) => s.Value);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        Assert.NotEmpty(settings);
        Assert.Empty(ConfigurationChecker.Check(configuration, Repository.Root));
    }

    /// <summary>One instruction per line: a trailing backslash continues it on the next.</summary>
    private static string[] JoinContinuations(string[] lines)
    {
        var joined = new List<string>();
        var current = "";
        foreach (var raw in lines.Where(l => !l.TrimStart().StartsWith('#')))
        {
            var line = raw.Trim();
            current = current.Length == 0 ? line : current + " " + line;
            if (current.EndsWith('\\'))
            {
                current = current[..^1].TrimEnd();
                continue;
            }

            if (current.Length > 0)
            {
                joined.Add(current);
            }

            current = "";
        }

        return [.. joined];
    }

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>\S*)")]
    private static partial Regex EnvAssignment();
}

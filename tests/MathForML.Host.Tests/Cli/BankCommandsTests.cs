using System.Buffers.Binary;
using System.Globalization;
using MathForML.Content;
using MathForML.Content.Problems;
using MathForML.Host.Cli;
using MathForML.TestKit;

namespace MathForML.Host.Tests.Cli;

public sealed class BankCommandsTests
{
    private const string Problem = """
        id: la-demo
        title: A demo determinant
        topics: [determinants]
        sections: [mml:4.1]
        difficulty: easy
        statement: |
          Compute $\det\begin{pmatrix} {{a}} & 1 \\ 2 & 3 \end{pmatrix}$ and $\abs{-{{a}}}$.
        parameters:
          - { name: a, kind: integer, min: 1, max: 9 }
        answer: 3*a - 2
        verify: det([[a, 1], [2, 3]])
        hints:
          - Use $ps - qr$.
        solution: |
          It is $3\cdot {{a}} - 2$.
        """;

    [Fact]
    public async Task A_bank_with_one_broken_file_reports_file_and_line_and_still_checks_the_rest()
    {
        using var run = new HostRun();
        WriteBank(run, ("la-demo.yml", Problem), ("la-broken.yml", Problem.Replace("la-demo", "la-broken", StringComparison.Ordinal).Replace("3*a - 2", "3*a -", StringComparison.Ordinal)));

        var code = await run.RunAsync("", ["validate-bank", "bank", .. SharedContent()]);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains($"{Path.Combine("bank", "la-broken.yml")}:10: answer: ", run.Out, StringComparison.Ordinal);
        Assert.EndsWith(string.Format(CultureInfo.InvariantCulture, BankCommands.SummaryFormat, 1, 1, 2, 1) + Environment.NewLine, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_renders_every_text_of_a_problem_to_png_and_prints_the_expected_answer()
    {
        using var run = new HostRun();
        WriteBank(run, ("la-demo.yml", Problem));

        var code = await run.RunAsync("", ["preview", "bank/la-demo.yml", "-o", "out", "--seed", "5", "--theme", "dark", .. SharedContent()]);

        Assert.Equal(ExitCodes.Ok, code);
        foreach (var name in new[] { "statement", "solution", "hint-1" })
        {
            var png = File.ReadAllBytes(run.Folder.File($"out/la-demo.{name}.png"));
            Assert.True(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)) > 50, name);
        }

        Assert.Matches(@"expected answer: \d+", run.Out);
    }

    [Theory]
    [InlineData(new[] { "validate-bank", "--seeds", "0" }, "--seeds must be a whole number")]
    [InlineData(new[] { "validate-bank", "--sedes", "5" }, "validate-bank does not know the option '--sedes'")]
    [InlineData(new[] { "preview", "bank/x.yml" }, BankCommands.PreviewUsage)]
    [InlineData(new[] { "preview", "bank/x.yml", "-o", "out", "--seed", "-1" }, "--seed must be a whole number")]
    [InlineData(new[] { "preview", "bank/x.yml", "-o", "out", "--theme", "sepia" }, "render --theme must be light or dark")]
    public async Task Usage_mistakes_are_explained_with_exit_code_2(string[] args, string message)
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Usage, await run.RunAsync("", args));
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_of_a_missing_file_says_so()
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Failure, await run.RunAsync("", ["preview", "nope.yml", "-o", "out", .. SharedContent()]));
        Assert.Contains("nope.yml:1: " + ContentMessages.MissingFile, run.Error, StringComparison.Ordinal);
    }

    internal static string[] SharedContent() =>
        ["--curricula", Repository.Path("config", "curricula"), "--topics", Repository.Path("config", "topics.yml")];

    private static void WriteBank(HostRun run, params (string Name, string Text)[] files)
    {
        Directory.CreateDirectory(run.Folder.File("bank"));
        File.Copy(Repository.Path("config", "problems", ProblemBankLoader.MacrosFileName), run.Folder.File("bank/" + ProblemBankLoader.MacrosFileName));
        foreach (var (name, text) in files)
        {
            File.WriteAllText(run.Folder.File("bank/" + name), text);
        }
    }

}

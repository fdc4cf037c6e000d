using MathForML.Content.Problems;
using MathForML.Core.Problems;
using MathForML.TestKit;

namespace MathForML.IntegrationTests.Problems;

/// <summary>A bank folder holding one real problem from config/problems (with the shared macros), for flow tests.</summary>
internal static class OneProblemBank
{
    public const string ProblemId = "la-det-2x2";

    /// <summary>Writes the bank into the test's folder and returns its path.</summary>
    public static string Write(TempDirectory folder)
    {
        var bank = folder.File("bank");
        Directory.CreateDirectory(bank);
        File.Copy(Repository.Path("config", "problems", ProblemBankLoader.MacrosFileName), Path.Combine(bank, ProblemBankLoader.MacrosFileName));
        File.Copy(Repository.Path("config", "problems", "linear-algebra", ProblemId + ".yml"), Path.Combine(bank, ProblemId + ".yml"));
        return bank;
    }

    public static Problem Load(string bank)
    {
        var (parsed, errors) = ProblemParser.Parse(File.ReadAllText(Path.Combine(bank, ProblemId + ".yml")), ProblemId + ".yml");
        Assert.Empty(errors);
        return parsed!.Problem;
    }

    public static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}

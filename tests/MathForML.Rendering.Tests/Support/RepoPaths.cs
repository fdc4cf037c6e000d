namespace MathForML.Rendering.Tests.Support;

/// <summary>Locates files in the repository checkout from the test output directory.</summary>
internal static class RepoPaths
{
    public const string UpdateGoldenVariable = "MATHFORML_UPDATE_GOLDEN";

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateGoldenVariable) == "1";

    public static string Root => MathForML.TestKit.Repository.Root;

    public static string GoldenDirectory => Path.Combine(Root, "tests", "MathForML.Rendering.Tests", "Golden");

    public static string ContactSheetFormulas => Path.Combine(Root, "docs", "rendering", "contact-sheet-formulas.txt");

    public static string ContactSheet => Path.Combine(Root, "docs", "rendering", "contact-sheet.png");
}

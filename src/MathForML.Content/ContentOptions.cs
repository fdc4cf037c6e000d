namespace MathForML.Content;

/// <summary>Where content files live; relative paths are relative to the working directory.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    public string CurriculaDirectory { get; set; } = "config/curricula";

    /// <summary>The problem bank: one problem per *.yml file below it, plus macros.yml.</summary>
    public string ProblemsDirectory { get; set; } = "config/problems";

    /// <summary>The topic tags curricula and problems may use.</summary>
    public string TopicsFile { get; set; } = "config/topics.yml";
}

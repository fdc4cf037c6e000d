namespace MathForML.Content;

/// <summary>Where content files live; relative paths are relative to the working directory.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    public string CurriculaDirectory { get; set; } = "config/curricula";
}

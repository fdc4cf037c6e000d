namespace MathForML.Content;

/// <summary>A problem in a content file: which file, which line (1-based), what is wrong.</summary>
public sealed record ContentError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

namespace MathForML.Rendering.Font.OpenType;

/// <summary>
/// The embedded font is malformed. This is a packaging bug, never a user error, so it is an exception.
/// </summary>
public sealed class FontFormatException : Exception
{
    public FontFormatException()
    {
    }

    public FontFormatException(string message)
        : base(message)
    {
    }

    public FontFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

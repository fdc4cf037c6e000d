namespace MathForML.Rendering.Parsing;

internal enum TokenKind
{
    Command,
    Character,
    Space,
    BeginGroup,
    EndGroup,
    Superscript,
    Subscript,
    AlignmentTab,
    Parameter,

    /// <summary>The literal text of \verb|…| (already read raw by the tokenizer).</summary>
    Verbatim,
    End,
}

/// <summary>A TeX token. Commands keep their backslash in <see cref="Text"/>; Position indexes the source.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    public bool IsCommand(string name) => Kind == TokenKind.Command && string.Equals(Text, name, StringComparison.Ordinal);

    public bool IsChar(char c) => Kind == TokenKind.Character && Text.Length == 1 && Text[0] == c;
}

/// <summary>A syntax error with the failing command and position, turned into a <see cref="RenderError"/>.</summary>
internal sealed class LatexParseException : Exception
{
    public LatexParseException(string code, string message, string? command, int position)
        : base(message)
    {
        Code = code;
        Command = command;
        Position = position;
    }

    public LatexParseException()
    {
        Code = string.Empty;
    }

    public LatexParseException(string message)
        : base(message)
    {
        Code = string.Empty;
    }

    public LatexParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = string.Empty;
    }

    public string Code { get; }

    public string? Command { get; }

    public int Position { get; }

    public RenderError ToError() => new(Message, Command, Position, Code);

    public static LatexParseException Create(string code, string format, string? command, int position, params object?[] args) =>
        new(code, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args), command, position);
}

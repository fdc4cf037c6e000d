namespace MathForML.Rendering.Parsing;

/// <summary>Splits LaTeX source into tokens: control words, control symbols, characters and groups.</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string source, int basePosition = 0)
    {
        var tokens = new List<Token>(source.Length);
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            int position = basePosition + i;
            if (c == '\\')
            {
                int start = i;
                i++;
                if (i >= source.Length)
                {
                    tokens.Add(new Token(TokenKind.Command, "\\", position));
                    break;
                }

                if (char.IsAsciiLetter(source[i]))
                {
                    while (i < source.Length && char.IsAsciiLetter(source[i]))
                    {
                        i++;
                    }

                    if (i - start == 5 && source.AsSpan(start, 5).SequenceEqual("\\verb") && TryVerbatim(source, ref i, position, tokens))
                    {
                        continue;
                    }

                    tokens.Add(new Token(TokenKind.Command, source[start..i], position));

                    // Spaces after a control word only end the word.
                    while (i < source.Length && IsSpace(source[i]))
                    {
                        i++;
                    }
                }
                else
                {
                    int length = char.IsSurrogatePair(source, i) ? 2 : 1;
                    tokens.Add(new Token(TokenKind.Command, source.Substring(start, 1 + length), position));
                    i += length;
                }

                continue;
            }

            if (c == '%')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (IsSpace(c))
            {
                while (i < source.Length && IsSpace(source[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Space, " ", position));
                continue;
            }

            TokenKind kind = c switch
            {
                '{' => TokenKind.BeginGroup,
                '}' => TokenKind.EndGroup,
                '^' => TokenKind.Superscript,
                '_' => TokenKind.Subscript,
                '&' => TokenKind.AlignmentTab,
                '#' => TokenKind.Parameter,
                _ => TokenKind.Character,
            };
            int charLength = char.IsSurrogatePair(source, i) ? 2 : 1;
            tokens.Add(new Token(kind, source.Substring(i, charLength), position));
            i += charLength;
        }

        return tokens;
    }

    /// <summary>
    /// \verb|…| (or \verb*, with visible spaces): everything up to the next copy of the delimiter, taken
    /// literally. The delimiter is the very next character, even a space, as in LaTeX. An unterminated
    /// \verb is left as a command so the parser reports it with its position.
    /// </summary>
    private static bool TryVerbatim(string source, ref int i, int position, List<Token> tokens)
    {
        int j = i;
        bool starred = j < source.Length && source[j] == '*';
        if (starred)
        {
            j++;
        }

        if (j >= source.Length || source[j] is '\n' or '\r' || char.IsAsciiLetter(source[j]))
        {
            return false;
        }

        char delimiter = source[j];
        int close = source.IndexOf(delimiter, j + 1);
        int lineEnd = source.IndexOfAny(['\n', '\r'], j + 1);
        if (close < 0 || (lineEnd >= 0 && lineEnd < close))
        {
            return false;
        }

        string text = source[(j + 1)..close];
        tokens.Add(new Token(TokenKind.Verbatim, starred ? text.Replace(' ', VisibleSpace) : text, position));
        i = close + 1;
        return true;
    }

    /// <summary>U+2423 OPEN BOX, the visible space of \verb*.</summary>
    public const char VisibleSpace = '\u2423';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';
}

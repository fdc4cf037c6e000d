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

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';
}

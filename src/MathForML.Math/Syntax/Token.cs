using MathForML.Math.Evaluation;
using MathForML.Math.Numbers;

namespace MathForML.Math.Syntax;

internal enum TokenKind
{
    Number,
    Identifier,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    Bang,
    Percent,
    /// <summary><c>°</c>.</summary>
    Degree,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Bar,
    Comma,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Equal,
    NotEqual,
    /// <summary><c>\frac</c>, <c>\dfrac</c>, <c>\tfrac</c>.</summary>
    Frac,
    /// <summary><c>√</c> or <c>\sqrt</c> (the latter may carry an index in brackets).</summary>
    Sqrt,
    /// <summary><c>∛</c>.</summary>
    CubeRoot,
    End,
}

/// <summary>One token; <see cref="Start"/> is the zero-based UTF-16 index of its first character in the raw input.</summary>
internal readonly record struct Token(
    TokenKind Kind,
    int Start,
    int Length,
    bool SpaceBefore,
    string? Text = null,
    BigRational Number = default,
    NumberForm? Form = null,
    bool FromLatex = false)
{
    public int End => Start + Length;

    /// <summary>An integer literal with no decimal point or exponent (mixed numbers and fractions are built from these).</summary>
    public bool IsPlainInteger => Kind == TokenKind.Number && Form is { IsDecimal: true } && Text is not null && !Text.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>The literal had a decimal point or exponent: the member wrote a decimal, possibly an approximation.</summary>
    public bool IsDecimalLiteral => Kind == TokenKind.Number && Text is not null && Text.AsSpan().ContainsAnyExceptInRange('0', '9');
}

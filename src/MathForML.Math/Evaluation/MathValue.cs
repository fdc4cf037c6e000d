using System.Numerics;
using MathForML.Math.Numbers;

namespace MathForML.Math.Evaluation;

/// <summary>How a number was written, kept only while the value is still the literal the member typed.</summary>
/// <param name="MinSignificantFigures">Fewest significant figures the literal can mean (<c>100</c> → 1).</param>
/// <param name="MaxSignificantFigures">Most significant figures the literal can mean (<c>100</c> → 3).</param>
/// <param name="DecimalPlaces">Digits after the decimal point, adjusted for a ×10^n exponent.</param>
/// <param name="FractionNumerator">For a literal fraction a/b: a as typed (to judge reduced form).</param>
/// <param name="FractionDenominator">For a literal fraction a/b: b as typed.</param>
internal sealed record NumberForm(
    int MinSignificantFigures,
    int MaxSignificantFigures,
    int DecimalPlaces,
    BigInteger? FractionNumerator = null,
    BigInteger? FractionDenominator = null)
{
    public bool IsDecimal => FractionDenominator is null;
}

internal abstract class MathValue;

/// <summary>A real number: exact when <see cref="Exact"/> is set, else only the float approximation.</summary>
internal sealed class Scalar : MathValue
{
    public Scalar(ExactNumber exact, NumberForm? form = null)
    {
        Exact = exact;
        Approx = exact.ToDouble();
        Form = form;
    }

    public Scalar(double approx)
    {
        Approx = approx;
    }

    public ExactNumber? Exact { get; }
    public double Approx { get; }
    public NumberForm? Form { get; }

    public bool IsExact => Exact is not null;
    public bool IsInfinite => double.IsInfinity(Approx);

    public static Scalar FromRational(BigRational value, NumberForm? form = null) => new(ExactNumber.FromRational(value), form);

    public static Scalar FromInteger(long value) => FromRational(BigRational.FromInteger(value));

    public Scalar WithForm(NumberForm? form) => Exact is null ? this : new Scalar(Exact, form);

    public BigRational? AsRational => Exact?.AsRational;
}

internal enum SequenceKind
{
    /// <summary><c>(a, b)</c>: a vector, a point, or an open interval depending on what is expected.</summary>
    Paren,
    /// <summary><c>[a, b]</c>: a vector, a matrix row, or a closed interval depending on what is expected.</summary>
    Bracket,
    /// <summary><c>a, b</c> with no brackets: an ordered list.</summary>
    Bare,
}

internal static class SequenceKindExtensions
{
    /// <summary>How a sequence of this kind is written: <c>( )</c>, <c>[ ]</c>, or nothing for a bare list.</summary>
    public static (string Open, string Close) Delimiters(this SequenceKind kind) => kind switch
    {
        SequenceKind.Paren => ("(", ")"),
        SequenceKind.Bracket => ("[", "]"),
        _ => (string.Empty, string.Empty),
    };
}

internal sealed class SequenceValue(SequenceKind kind, IReadOnlyList<MathValue> items) : MathValue
{
    public SequenceKind Kind { get; } = kind;
    public IReadOnlyList<MathValue> Items { get; } = items;

    /// <summary>Rows × columns when every item is a bracketed row of scalars of one length.</summary>
    public bool TryGetMatrixShape(out int rows, out int columns)
    {
        rows = Items.Count;
        columns = 0;
        if (rows == 0)
        {
            return false;
        }

        for (var i = 0; i < rows; i++)
        {
            if (Items[i] is not SequenceValue row || row.Items.Count == 0 || row.Items.Any(item => item is not Scalar))
            {
                return false;
            }

            if (i == 0)
            {
                columns = row.Items.Count;
            }
            else if (row.Items.Count != columns)
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class SetValue(IReadOnlyList<MathValue> items) : MathValue
{
    public IReadOnlyList<MathValue> Items { get; } = items;
}

internal sealed class IntervalValue(Scalar low, Scalar high, bool lowClosed, bool highClosed) : MathValue
{
    public Scalar Low { get; } = low;
    public Scalar High { get; } = high;
    public bool LowClosed { get; } = lowClosed;
    public bool HighClosed { get; } = highClosed;
}

/// <summary>The words <c>none</c>, <c>DNE</c>: "no such value exists".</summary>
internal sealed class NoneValue : MathValue
{
    public static readonly NoneValue Instance = new();

    private NoneValue()
    {
    }
}

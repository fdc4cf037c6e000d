using System.Globalization;
using System.Numerics;
using System.Text;
using MathForML.Math.Numbers;

namespace MathForML.Math.Evaluation;

/// <summary>
/// Writes a value back in the answer language so it round-trips through the parser: exact values as fractions,
/// <c>sqrt(r)</c> and <c>pi</c> (<c>3*sqrt(2)/4</c>, <c>-pi/6</c>), floats in round-trip form (<c>0.30000000000000004</c>).
/// </summary>
internal static class ValueFormatter
{
    public static string Format(MathValue value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, MathValue value)
    {
        switch (value)
        {
            case Scalar scalar:
                builder.Append(FormatScalar(scalar));
                break;
            case SequenceValue sequence:
                var (open, close) = sequence.Kind.Delimiters();
                WriteItems(builder, open, sequence.Items, close);
                break;
            case SetValue set:
                WriteItems(builder, "{", set.Items, "}");
                break;
            case IntervalValue interval:
                WriteItems(builder, interval.LowClosed ? "[" : "(", [interval.Low, interval.High], interval.HighClosed ? "]" : ")");
                break;
            default:
                builder.Append("DNE");
                break;
        }
    }

    private static void WriteItems(StringBuilder builder, string open, IReadOnlyList<MathValue> items, string close)
    {
        builder.Append(open);
        for (var i = 0; i < items.Count; i++)
        {
            builder.Append(i > 0 ? ", " : string.Empty);
            Write(builder, items[i]);
        }

        builder.Append(close);
    }

    public static string FormatScalar(Scalar scalar)
    {
        if (scalar.Exact is not { } exact)
        {
            return double.IsInfinity(scalar.Approx)
                ? (scalar.Approx > 0 ? "inf" : "-inf")
                : scalar.Approx.ToString("R", CultureInfo.InvariantCulture);
        }

        if (exact.IsZero)
        {
            return "0";
        }

        var builder = new StringBuilder();
        foreach (var term in exact.Terms)
        {
            var negative = term.Coefficient.Sign < 0;
            if (builder.Length == 0)
            {
                builder.Append(negative ? "-" : string.Empty);
            }
            else
            {
                builder.Append(negative ? " - " : " + ");
            }

            builder.Append(FormatTerm(term with { Coefficient = term.Coefficient.Abs() }));
        }

        return builder.ToString();
    }

    /// <summary>A positive term c·π^k·√r as <c>p*pi^k*sqrt(r)/q</c>, leaving out factors equal to one.</summary>
    private static string FormatTerm(ExactTerm term)
    {
        var factors = new List<string>();
        var numerator = term.Coefficient.Numerator;
        var denominator = term.Coefficient.Denominator;
        if (!numerator.IsOne)
        {
            factors.Add(numerator.ToString(CultureInfo.InvariantCulture));
        }

        if (term.PiPower > 0)
        {
            factors.Add(term.PiPower == 1 ? "pi" : string.Create(CultureInfo.InvariantCulture, $"pi^{term.PiPower}"));
        }

        if (!term.Radicand.IsOne)
        {
            factors.Add(string.Create(CultureInfo.InvariantCulture, $"sqrt({term.Radicand})"));
        }

        var text = factors.Count == 0 ? "1" : string.Join("*", factors);
        var divisors = new List<string>();
        if (!denominator.IsOne)
        {
            divisors.Add(denominator.ToString(CultureInfo.InvariantCulture));
        }

        if (term.PiPower < 0)
        {
            divisors.Add(term.PiPower == -1 ? "pi" : string.Create(CultureInfo.InvariantCulture, $"pi^{-term.PiPower}"));
        }

        return divisors.Count switch
        {
            0 => text,
            1 => text + "/" + divisors[0],
            _ => text + "/(" + string.Join("*", divisors) + ")",
        };
    }

    /// <summary>A real parameter with exactly <paramref name="decimals"/> places: <c>2.50</c>, <c>-0.125</c>.</summary>
    public static string FormatFixed(BigRational value, int decimals)
    {
        var scaled = value * BigRational.PowerOfTen(decimals);
        var digits = BigInteger.Abs(scaled.Numerator).ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var sign = scaled.Sign < 0 ? "-" : string.Empty;
        return decimals == 0 ? sign + digits : sign + digits[..^decimals] + "." + digits[^decimals..];
    }
}

using System.Numerics;

namespace MathForML.Math.Numbers;

/// <summary>One term c·π^k·√r of an exact number; r is a square-free positive integer.</summary>
internal readonly record struct ExactTerm(BigRational Coefficient, int PiPower, BigInteger Radicand);

/// <summary>
/// An exact real number: a short sum of terms c·π^k·√r kept in a canonical order with square-free radicands,
/// so two exact numbers are equal exactly when their term lists are equal (π is transcendental and square
/// roots of distinct square-free integers are linearly independent over the rationals).
/// Operations that cannot stay exact return null and the caller falls back to floating point.
/// </summary>
internal sealed class ExactNumber : IEquatable<ExactNumber>
{
    private readonly ExactTerm[] _terms;

    private ExactNumber(ExactTerm[] terms) => _terms = terms;

    public static readonly ExactNumber Zero = new([]);
    public static readonly ExactNumber Pi = new([new ExactTerm(BigRational.One, 1, BigInteger.One)]);

    public IReadOnlyList<ExactTerm> Terms => _terms;

    public static ExactNumber FromRational(BigRational value) =>
        value.IsZero ? Zero : new([new ExactTerm(value, 0, BigInteger.One)]);

    public static ExactNumber FromTerm(ExactTerm term) => term.Coefficient.IsZero ? Zero : new([term]);

    public bool IsZero => _terms.Length == 0;

    public bool IsRational => _terms.Length == 0 || (_terms.Length == 1 && _terms[0].PiPower == 0 && _terms[0].Radicand.IsOne);

    public bool IsSingleTerm => _terms.Length == 1;

    public BigRational? AsRational => _terms.Length == 0 ? BigRational.Zero : IsRational ? _terms[0].Coefficient : null;

    /// <summary>Largest bit size of any coefficient or radicand: what the size limit is checked against.</summary>
    public long Bits
    {
        get
        {
            long bits = 0;
            foreach (var term in _terms)
            {
                bits = long.Max(bits, long.Max(term.Coefficient.Bits, (long)term.Radicand.GetBitLength()));
            }

            return bits;
        }
    }

    public int Sign => IsZero ? 0 : double.Sign(ToDouble());

    public double ToDouble()
    {
        double sum = 0;
        foreach (var term in _terms)
        {
            var value = term.Coefficient.ToDouble();
            if (term.PiPower != 0)
            {
                value *= double.Pow(double.Pi, term.PiPower);
            }

            if (!term.Radicand.IsOne)
            {
                value *= double.Sqrt((double)term.Radicand);
            }

            sum += value;
        }

        return sum;
    }

    public ExactNumber Negate()
    {
        var terms = new ExactTerm[_terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            terms[i] = _terms[i] with { Coefficient = -_terms[i].Coefficient };
        }

        return new ExactNumber(terms);
    }

    public ExactNumber? Add(ExactNumber other)
    {
        if (IsZero)
        {
            return other;
        }

        if (other.IsZero)
        {
            return this;
        }

        var merged = new List<ExactTerm>(_terms.Length + other._terms.Length);
        merged.AddRange(_terms);
        foreach (var term in other._terms)
        {
            AddTerm(merged, term);
        }

        return Build(merged);
    }

    public ExactNumber? Subtract(ExactNumber other) => Add(other.Negate());

    public ExactNumber? Multiply(ExactNumber other)
    {
        if (IsZero || other.IsZero)
        {
            return Zero;
        }

        if (_terms.Length * other._terms.Length > MathLimits.MaxExactTerms * 2)
        {
            return null;
        }

        var products = new List<ExactTerm>();
        foreach (var a in _terms)
        {
            foreach (var b in other._terms)
            {
                AddTerm(products, MultiplyTerms(a, b));
            }
        }

        return Build(products);
    }

    /// <summary>1/x for a single term; null for sums (rationalizing denominators is out of scope).</summary>
    public ExactNumber? Reciprocal()
    {
        if (_terms.Length != 1)
        {
            return null;
        }

        // 1/(c·π^k·√r) = (1/(c·r))·π^(-k)·√r
        var term = _terms[0];
        var coefficient = (term.Coefficient * BigRational.FromInteger(term.Radicand)).Reciprocal();
        return new ExactNumber([new ExactTerm(coefficient, -term.PiPower, term.Radicand)]);
    }

    public ExactNumber? Divide(ExactNumber divisor) => divisor.Reciprocal() is { } inverse ? Multiply(inverse) : null;

    /// <summary>√x exactly for c·π^(2j) with c ≥ 0 whose square factors can be pulled out; else null.</summary>
    public ExactNumber? Sqrt(ref int work)
    {
        if (IsZero)
        {
            return Zero;
        }

        if (_terms.Length != 1 || !_terms[0].Radicand.IsOne || _terms[0].PiPower % 2 != 0 || _terms[0].Coefficient.Sign < 0)
        {
            return null;
        }

        // √(p/q) = √(p·q)/q, then √(p·q) = s·√r with r square-free.
        var coefficient = _terms[0].Coefficient;
        var product = coefficient.Numerator * coefficient.Denominator;
        if (!SquareFactor.TrySplit(product, ref work, out var outside, out var radicand))
        {
            return null;
        }

        var newCoefficient = BigRational.Create(outside, coefficient.Denominator);
        return new ExactNumber([new ExactTerm(newCoefficient, _terms[0].PiPower / 2, radicand)]);
    }

    private static ExactTerm MultiplyTerms(ExactTerm a, ExactTerm b)
    {
        // √r1·√r2 = g·√((r1/g)(r2/g)) with g = gcd(r1, r2); the result stays square-free.
        var gcd = BigInteger.GreatestCommonDivisor(a.Radicand, b.Radicand);
        var radicand = (a.Radicand / gcd) * (b.Radicand / gcd);
        var coefficient = a.Coefficient * b.Coefficient * BigRational.FromInteger(gcd);
        return new ExactTerm(coefficient, a.PiPower + b.PiPower, radicand);
    }

    private static void AddTerm(List<ExactTerm> terms, ExactTerm term)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i].PiPower == term.PiPower && terms[i].Radicand == term.Radicand)
            {
                terms[i] = terms[i] with { Coefficient = terms[i].Coefficient + term.Coefficient };
                return;
            }
        }

        terms.Add(term);
    }

    private static ExactNumber? Build(List<ExactTerm> terms)
    {
        terms.RemoveAll(t => t.Coefficient.IsZero);
        if (terms.Count > MathLimits.MaxExactTerms)
        {
            return null;
        }

        foreach (var term in terms)
        {
            if (int.Abs(term.PiPower) > MathLimits.MaxExactPiPower)
            {
                return null;
            }
        }

        terms.Sort(static (x, y) => x.PiPower != y.PiPower ? x.PiPower.CompareTo(y.PiPower) : x.Radicand.CompareTo(y.Radicand));
        return terms.Count == 0 ? Zero : new ExactNumber([.. terms]);
    }

    public bool Equals(ExactNumber? other) => other is not null && _terms.AsSpan().SequenceEqual(other._terms);

    public override bool Equals(object? obj) => Equals(obj as ExactNumber);

    public override int GetHashCode() => _terms.Length == 0 ? 0 : _terms[0].GetHashCode();
}

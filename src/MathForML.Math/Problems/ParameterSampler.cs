using System.Globalization;
using System.Numerics;
using MathForML.Math.Evaluation;
using MathForML.Math.Numbers;
using MathForML.Math.Syntax;

namespace MathForML.Math.Problems;

/// <summary>Draws one parameter's value, exactly (integers and decimals are rationals), with its display text.</summary>
internal sealed class ParameterSampler
{
    private readonly BigRational _min;
    private readonly BigRational _unit;
    private readonly ulong _count;
    private readonly int _decimals;
    private readonly IReadOnlyList<(MathValue Value, string Text)> _choices;

    private ParameterSampler(string name, BigRational min, BigRational unit, ulong count, int decimals, IReadOnlyList<(MathValue, string)> choices)
    {
        Name = name;
        _min = min;
        _unit = unit;
        _count = count;
        _decimals = decimals;
        _choices = choices;
    }

    public string Name { get; }

    public static ParameterSampler? Create(ParameterDefinition parameter, out MathError? failure)
    {
        failure = null;
        var invalidRange = new MathError(ReasonCodes.InvalidParameter, AnswerMessages.Format(AnswerMessages.ParameterRangeInvalid, parameter.Name), null);
        if (parameter.Kind != ParameterKind.Choice
            && (decimal.Abs(parameter.Min) > MathLimits.MaxParameterMagnitude || decimal.Abs(parameter.Max) > MathLimits.MaxParameterMagnitude))
        {
            failure = invalidRange;
            return null;
        }

        switch (parameter.Kind)
        {
            case ParameterKind.IntegerRange:
                if (parameter.Min != decimal.Truncate(parameter.Min) || parameter.Max != decimal.Truncate(parameter.Max)
                    || parameter.Step != decimal.Truncate(parameter.Step) || parameter.Step < 1 || parameter.Min > parameter.Max
                    || (parameter.Max - parameter.Min) / parameter.Step >= MathLimits.MaxRangeValues)
                {
                    failure = invalidRange;
                    return null;
                }

                var steps = (ulong)decimal.Truncate((parameter.Max - parameter.Min) / parameter.Step) + 1;
                return new ParameterSampler(parameter.Name, ToRational(parameter.Min), ToRational(parameter.Step), steps, 0, []);
            case ParameterKind.RealRange:
                if (parameter.Decimals is < 0 or > MathLimits.MaxParameterDecimals || parameter.Min > parameter.Max
                    || decimal.Round(parameter.Min, parameter.Decimals) != parameter.Min || decimal.Round(parameter.Max, parameter.Decimals) != parameter.Max
                    || (parameter.Max - parameter.Min) * Pow10(parameter.Decimals) >= MathLimits.MaxRangeValues)
                {
                    failure = invalidRange;
                    return null;
                }

                var units = (ulong)((parameter.Max - parameter.Min) * Pow10(parameter.Decimals)) + 1;
                var unit = BigRational.PowerOfTen(-parameter.Decimals);
                return new ParameterSampler(parameter.Name, ToRational(parameter.Min), unit, units, parameter.Decimals, []);
            case ParameterKind.Choice:
                var choices = new List<(MathValue, string)>();
                foreach (var choice in parameter.Choices ?? [])
                {
                    var parsed = Parser.Parse(choice ?? string.Empty, FrozenEmpty, constraintMode: false, out failure);
                    var value = parsed is null ? null : Evaluator.Evaluate(parsed.Root, EvaluationSettings.Radians, out failure);
                    if (value is null)
                    {
                        return null;
                    }

                    choices.Add((value, choice!.Trim()));
                }

                if (choices.Count == 0)
                {
                    failure = invalidRange;
                    return null;
                }

                return new ParameterSampler(parameter.Name, BigRational.Zero, BigRational.One, (ulong)choices.Count, 0, choices);
            default:
                failure = invalidRange;
                return null;
        }
    }

    private static readonly IReadOnlySet<string> FrozenEmpty = new HashSet<string>();

    public (MathValue Value, string Text) Draw(SeededRandom random)
    {
        var index = random.NextBelow(_count);
        if (_choices.Count > 0)
        {
            return _choices[(int)index];
        }

        var value = _min + (_unit * BigRational.FromInteger(new BigInteger(index)));
        return (Scalar.FromRational(value), ValueFormatter.FormatFixed(value, _decimals));
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static BigRational ToRational(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        var negative = text.StartsWith('-');
        var magnitude = NumberLiterals.ValueOf(negative ? text[1..] : text, 0);
        return negative ? -magnitude : magnitude;
    }
}

using MathForML.Math.Evaluation;

namespace MathForML.Math.Judging;

/// <summary>
/// Compares a member's value with the expected one: kind first (number, list, set, interval, DNE), then shape,
/// then every entry with <see cref="ScalarComparer"/>. Sets (and lists when not ordered) are matched as multisets.
/// </summary>
internal sealed class ValueComparer(AnswerOptions options, ScalarComparer scalars)
{
    public Judgement Compare(MathValue given, MathValue expected)
    {
        var judgement = CompareValue(given, expected);
        return options.PartialCredit || judgement.Outcome == Outcome.Correct ? judgement : judgement with { Score = 0 };
    }

    private Judgement CompareValue(MathValue given, MathValue expected)
    {
        switch (expected)
        {
            case Scalar expectedScalar:
                return given switch
                {
                    Scalar givenScalar => scalars.Compare(givenScalar, expectedScalar),
                    NoneValue => Judgement.Incorrect,
                    _ => Judgement.Invalid(ReasonCodes.WrongKind, AnswerMessages.WrongKindNumber),
                };
            case NoneValue:
                return given is NoneValue or SetValue { Items.Count: 0 } ? Judgement.Correct : Judgement.Incorrect;
            case SetValue expectedSet:
                return given switch
                {
                    SetValue set => CompareUnordered(set.Items, expectedSet.Items),
                    SequenceValue { Kind: SequenceKind.Bare } list => CompareUnordered(list.Items, expectedSet.Items),
                    Scalar scalar => CompareUnordered([scalar], expectedSet.Items),
                    NoneValue => expectedSet.Items.Count == 0 ? Judgement.Correct : Judgement.Incorrect,
                    _ => Judgement.Invalid(ReasonCodes.WrongKind, AnswerMessages.WrongKindSet),
                };
            case IntervalValue expectedInterval:
                return AsInterval(given) is { } interval
                    ? CompareInterval(interval, expectedInterval)
                    : given is NoneValue ? Judgement.Incorrect : Judgement.Invalid(ReasonCodes.WrongKind, AnswerMessages.WrongKindInterval);
            case SequenceValue expectedSequence:
                return given switch
                {
                    SequenceValue sequence => CompareSequence(sequence, expectedSequence),
                    NoneValue => Judgement.Incorrect,
                    _ => Judgement.Invalid(ReasonCodes.WrongKind, AnswerMessages.WrongKindList),
                };
            default:
                throw new InvalidOperationException($"No comparison for {expected.GetType().Name}.");
        }
    }

    private static IntervalValue? AsInterval(MathValue value) => value switch
    {
        IntervalValue interval => interval,
        SequenceValue { Kind: not SequenceKind.Bare, Items: [Scalar low, Scalar high] } pair =>
            new IntervalValue(low, high, pair.Kind == SequenceKind.Bracket, pair.Kind == SequenceKind.Bracket),
        _ => null,
    };

    private Judgement CompareSequence(SequenceValue given, SequenceValue expected)
    {
        var expectedIsMatrix = expected.TryGetMatrixShape(out var rows, out var columns);
        var givenIsMatrix = given.TryGetMatrixShape(out var givenRows, out var givenColumns);
        if (expectedIsMatrix || givenIsMatrix)
        {
            if (!expectedIsMatrix || !givenIsMatrix)
            {
                return expectedIsMatrix
                    ? Judgement.Invalid(ReasonCodes.WrongKind, AnswerMessages.WrongKindList)
                    : Judgement.Wrong(ReasonCodes.WrongLength, given.Items.Count);
            }

            if (rows != givenRows || columns != givenColumns)
            {
                return Judgement.Wrong(ReasonCodes.WrongShape, givenRows, givenColumns);
            }

            return CompareOrdered(Flatten(given), Flatten(expected));
        }

        if (given.Items.Count != expected.Items.Count)
        {
            return Judgement.Wrong(ReasonCodes.WrongLength, given.Items.Count);
        }

        return options.Ordered ? CompareOrdered(given.Items, expected.Items) : CompareUnordered(given.Items, expected.Items);
    }

    private static List<MathValue> Flatten(SequenceValue matrix) =>
        matrix.Items.SelectMany(row => ((SequenceValue)row).Items).ToList();

    private Judgement CompareOrdered(IReadOnlyList<MathValue> given, IReadOnlyList<MathValue> expected)
    {
        var results = new Judgement[given.Count];
        for (var i = 0; i < given.Count; i++)
        {
            results[i] = CompareValue(given[i], expected[i]);
            if (results[i].Outcome == Outcome.Invalid)
            {
                return results[i];
            }
        }

        return Aggregate(results, given.Count);
    }

    private static Judgement Aggregate(Judgement[] results, int total)
    {
        var correct = results.Count(result => result.Outcome == Outcome.Correct);
        if (correct == total && total == results.Length)
        {
            return Judgement.Correct;
        }

        var wrong = results.Where(result => result.Outcome != Outcome.Correct).ToList();
        var score = total == 0 ? 0 : (double)correct / total;
        if (correct == 0 && wrong.Count > 0 && wrong.All(result => result.IsSlip && result.Reason == wrong[0].Reason))
        {
            return wrong[0];
        }

        return correct == 0
            ? Judgement.Incorrect
            : new Judgement(Outcome.Incorrect, ReasonCodes.SomeEntriesIncorrect, score, [correct, total]);
    }

    /// <summary>Multiset comparison by maximum bipartite matching of entries that compare correct.</summary>
    private Judgement CompareUnordered(IReadOnlyList<MathValue> given, IReadOnlyList<MathValue> expected)
    {
        var matches = new bool[given.Count, expected.Count];
        for (var i = 0; i < given.Count; i++)
        {
            for (var j = 0; j < expected.Count; j++)
            {
                var result = CompareValue(given[i], expected[j]);
                if (result.Outcome == Outcome.Invalid)
                {
                    return result;
                }

                matches[i, j] = result.Outcome == Outcome.Correct;
            }
        }

        var owner = new int[expected.Count];
        Array.Fill(owner, -1);
        var matched = 0;
        for (var i = 0; i < given.Count; i++)
        {
            if (TryAugment(i, matches, owner, new bool[expected.Count]))
            {
                matched++;
            }
        }

        var total = int.Max(given.Count, expected.Count);
        if (matched == total)
        {
            return Judgement.Correct;
        }

        if (given.Count != expected.Count && matched == int.Min(given.Count, expected.Count) && matched > 0)
        {
            return new Judgement(Outcome.Incorrect, ReasonCodes.WrongLength, (double)matched / total, [given.Count]);
        }

        return matched == 0
            ? Judgement.Incorrect
            : new Judgement(Outcome.Incorrect, ReasonCodes.SomeEntriesIncorrect, (double)matched / total, [matched, given.Count]);
    }

    private static bool TryAugment(int given, bool[,] matches, int[] owner, bool[] visited)
    {
        for (var j = 0; j < owner.Length; j++)
        {
            if (!matches[given, j] || visited[j])
            {
                continue;
            }

            visited[j] = true;
            if (owner[j] < 0 || TryAugment(owner[j], matches, owner, visited))
            {
                owner[j] = given;
                return true;
            }
        }

        return false;
    }

    private Judgement CompareInterval(IntervalValue given, IntervalValue expected)
    {
        var low = scalars.Compare(given.Low, expected.Low).Outcome == Outcome.Correct;
        var high = scalars.Compare(given.High, expected.High).Outcome == Outcome.Correct;
        var lowEnd = given.LowClosed == expected.LowClosed || expected.Low.IsInfinite;
        var highEnd = given.HighClosed == expected.HighClosed || expected.High.IsInfinite;
        if (low && high && lowEnd && highEnd)
        {
            return Judgement.Correct;
        }

        var score = ((low ? 1 : 0) + (high ? 1 : 0) + (lowEnd ? 1 : 0) + (highEnd ? 1 : 0)) / 4.0;
        return low && high
            ? new Judgement(Outcome.Incorrect, ReasonCodes.WrongIntervalEnds, score, [])
            : new Judgement(Outcome.Incorrect, ReasonCodes.Incorrect, score, []);
    }
}

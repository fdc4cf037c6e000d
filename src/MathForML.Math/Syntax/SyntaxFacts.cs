using MathForML.Math.Evaluation;

namespace MathForML.Math.Syntax;

/// <summary>Questions about a parsed tree.</summary>
internal static class SyntaxFacts
{
    public static bool ContainsTrig(Node node) => node switch
    {
        CallNode call => (FunctionTable.TryGet(call.Name, out var info) && (info.IsTrig || info.IsInverseTrig)) || call.Arguments.Any(ContainsTrig),
        PostfixNode { Operator: PostfixOperator.Degree } => true,
        NegateNode negate => ContainsTrig(negate.Operand),
        BinaryNode binary => ContainsTrig(binary.Left) || ContainsTrig(binary.Right),
        PostfixNode postfix => ContainsTrig(postfix.Operand),
        SequenceNode sequence => sequence.Items.Any(ContainsTrig),
        SetNode set => set.Items.Any(ContainsTrig),
        _ => false,
    };

    /// <summary><c>1,000</c> or <c>12,345,678</c>: integers in comma-separated groups of three, written as one number.</summary>
    public static bool LooksLikeThousandsSeparators(Node node) =>
        node is SequenceNode { Kind: SequenceKind.Bare, Items: [NumberNode first, ..] } list
        && first.Token is { IsPlainInteger: true, Text.Length: <= 3 }
        && list.Items.Skip(1).All(item => item is NumberNode { Token: { IsPlainInteger: true, Text.Length: 3, SpaceBefore: false } });
}

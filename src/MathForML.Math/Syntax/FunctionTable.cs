using System.Collections.Frozen;

namespace MathForML.Math.Syntax;

internal enum FunctionId
{
    Sqrt, Cbrt, Root, Exp, Ln, Log, Log10, Log2, Abs,
    Sin, Cos, Tan, Sec, Csc, Cot, Asin, Acos, Atan, Sinh, Cosh, Tanh, Asinh, Acosh, Atanh,
    Floor, Ceil, Round, Min, Max, Gcd, Lcm, Choose,
    Det, Inv, Transpose, Eigenvalues, Solve, Norm, Dot,
    Mean, Variance, Std, NormalPdf, NormalCdf, BinomialPdf, BinomialCdf,
}

internal sealed record FunctionInfo(FunctionId Id, string Name, int MinArguments, int MaxArguments)
{
    public bool IsTrig => Id is FunctionId.Sin or FunctionId.Cos or FunctionId.Tan or FunctionId.Sec or FunctionId.Csc or FunctionId.Cot;
    public bool IsInverseTrig => Id is FunctionId.Asin or FunctionId.Acos or FunctionId.Atan;
}

/// <summary>The functions of the answer language, with their spellings and argument counts.</summary>
internal static class FunctionTable
{
    private const int Many = MathLimits.MaxListLength;

    private static readonly FrozenDictionary<string, FunctionInfo> ByName = Build();

    private static readonly FrozenSet<string> LatexFunctions = FrozenSet.ToFrozenSet(
        ["sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
         "ln", "log", "exp", "det", "min", "max", "gcd"],
        StringComparer.Ordinal);

    public static bool TryGet(string name, out FunctionInfo info) => ByName.TryGetValue(name, out info!);

    public static bool IsLatexFunction(string name) => LatexFunctions.Contains(name);

    public static bool IsReservedName(string name) => ByName.ContainsKey(name) || Constants.IsReserved(name);

    private static FrozenDictionary<string, FunctionInfo> Build()
    {
        var table = new Dictionary<string, FunctionInfo>(StringComparer.Ordinal);
        void Add(FunctionId id, int min, int max, params string[] names)
        {
            foreach (var name in names)
            {
                table[name] = new FunctionInfo(id, names[0], min, max);
            }
        }

        Add(FunctionId.Sqrt, 1, 1, "sqrt");
        Add(FunctionId.Cbrt, 1, 1, "cbrt");
        Add(FunctionId.Root, 2, 2, "root");
        Add(FunctionId.Exp, 1, 1, "exp");
        Add(FunctionId.Ln, 1, 1, "ln");
        Add(FunctionId.Log, 1, 2, "log");
        Add(FunctionId.Log10, 1, 1, "log10");
        Add(FunctionId.Log2, 1, 1, "log2");
        Add(FunctionId.Abs, 1, 1, "abs");
        Add(FunctionId.Sin, 1, 1, "sin");
        Add(FunctionId.Cos, 1, 1, "cos");
        Add(FunctionId.Tan, 1, 1, "tan");
        Add(FunctionId.Sec, 1, 1, "sec");
        Add(FunctionId.Csc, 1, 1, "csc");
        Add(FunctionId.Cot, 1, 1, "cot");
        Add(FunctionId.Asin, 1, 1, "asin", "arcsin");
        Add(FunctionId.Acos, 1, 1, "acos", "arccos");
        Add(FunctionId.Atan, 1, 1, "atan", "arctan");
        Add(FunctionId.Sinh, 1, 1, "sinh");
        Add(FunctionId.Cosh, 1, 1, "cosh");
        Add(FunctionId.Tanh, 1, 1, "tanh");
        Add(FunctionId.Asinh, 1, 1, "asinh", "arsinh", "arcsinh");
        Add(FunctionId.Acosh, 1, 1, "acosh", "arcosh", "arccosh");
        Add(FunctionId.Atanh, 1, 1, "atanh", "artanh", "arctanh");
        Add(FunctionId.Floor, 1, 1, "floor");
        Add(FunctionId.Ceil, 1, 1, "ceil");
        Add(FunctionId.Round, 1, 2, "round");
        Add(FunctionId.Min, 1, Many, "min");
        Add(FunctionId.Max, 1, Many, "max");
        Add(FunctionId.Gcd, 2, 2, "gcd");
        Add(FunctionId.Lcm, 2, 2, "lcm");
        Add(FunctionId.Choose, 2, 2, "choose", "nCr", "binom");
        Add(FunctionId.Det, 1, 1, "det");
        Add(FunctionId.Inv, 1, 1, "inv", "inverse");
        Add(FunctionId.Transpose, 1, 1, "transpose");
        Add(FunctionId.Eigenvalues, 1, 1, "eigenvalues", "eig");
        Add(FunctionId.Solve, 2, 2, "solve");
        Add(FunctionId.Norm, 1, 1, "norm");
        Add(FunctionId.Dot, 2, 2, "dot");
        Add(FunctionId.Mean, 1, Many, "mean");
        Add(FunctionId.Variance, 1, Many, "variance", "var");
        Add(FunctionId.Std, 1, Many, "std", "stdev");
        Add(FunctionId.NormalPdf, 3, 3, "normalpdf");
        Add(FunctionId.NormalCdf, 3, 3, "normalcdf");
        Add(FunctionId.BinomialPdf, 3, 3, "binompdf");
        Add(FunctionId.BinomialCdf, 3, 3, "binomcdf");
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>Names of constants and words of the answer language.</summary>
internal static class Constants
{
    public static bool IsReserved(string name) =>
        TryGetConstant(name, out _) || IsNoneWord(name) || IsEmptySetWord(name) || name is "and" or "or" or "not";

    public static bool TryGetConstant(string name, out ConstantKind kind)
    {
        kind = name switch
        {
            "pi" or "Pi" or "PI" => ConstantKind.Pi,
            "e" => ConstantKind.E,
            "inf" or "infinity" or "Infinity" or "oo" => ConstantKind.Infinity,
            _ => (ConstantKind)(-1),
        };
        return (int)kind >= 0;
    }

    public static bool IsNoneWord(string name) => name is "none" or "None" or "NONE" or "DNE" or "dne" or "Dne";

    public static bool IsEmptySetWord(string name) => name is "emptyset";
}

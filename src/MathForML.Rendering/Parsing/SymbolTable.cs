using System.Diagnostics.CodeAnalysis;

namespace MathForML.Rendering.Parsing;

/// <summary>
/// A symbol command: its Unicode text and atom class. A class, not a struct: dictionaries with
/// reference-type values share code precompiled in the runtime, while a struct value type makes the
/// JIT compile a whole dictionary implementation at start-up.
/// </summary>
internal sealed record SymbolInfo(string Text, AtomType Type, bool IsLargeOperator = false);

/// <summary>Control sequences that stand for a single symbol (Greek, relations, arrows, operators…).</summary>
internal static class SymbolTable
{
    // name hex class; classes: o ord, p large op, b bin, r rel, ( open, ) close, u punct, i inner.
    private const string Data = """
        alpha 3B1 o|beta 3B2 o|gamma 3B3 o|delta 3B4 o|epsilon 3F5 o|varepsilon 3B5 o|zeta 3B6 o|eta 3B7 o
        theta 3B8 o|vartheta 3D1 o|iota 3B9 o|kappa 3BA o|varkappa 3F0 o|lambda 3BB o|mu 3BC o|nu 3BD o
        xi 3BE o|omicron 3BF o|pi 3C0 o|varpi 3D6 o|rho 3C1 o|varrho 3F1 o|sigma 3C3 o|varsigma 3C2 o
        tau 3C4 o|upsilon 3C5 o|phi 3D5 o|varphi 3C6 o|chi 3C7 o|psi 3C8 o|omega 3C9 o|digamma 3DD o
        Gamma 393 o|Delta 394 o|Theta 398 o|Lambda 39B o|Xi 39E o|Pi 3A0 o|Sigma 3A3 o|Upsilon 3A5 o
        Phi 3A6 o|Psi 3A8 o|Omega 3A9 o
        varGamma 1D6E4 o|varDelta 1D6E5 o|varTheta 1D6E9 o|varLambda 1D6EC o|varXi 1D6EF o|varPi 1D6F1 o
        varSigma 1D6F4 o|varUpsilon 1D6F6 o|varPhi 1D6F7 o|varPsi 1D6F9 o|varOmega 1D6FA o
        infty 221E o|nabla 2207 o|partial 1D715 o|ell 2113 o|hbar 210F o|hslash 210F o|imath 1D6A4 o
        jmath 1D6A5 o|aleph 2135 o|beth 2136 o|gimel 2137 o|Re 211C o|Im 2111 o|wp 2118 o|emptyset 2205 o
        varnothing 2205 o|forall 2200 o|exists 2203 o|nexists 2204 o|neg AC o|lnot AC o|top 22A4 o
        bot 22A5 o|angle 2220 o|measuredangle 2221 o|triangle 25B3 o|prime 2032 o|backprime 2035 o
        backslash 5C o|surd 221A o|flat 266D o|natural 266E o|sharp 266F o|clubsuit 2663 o
        diamondsuit 2662 o|heartsuit 2661 o|spadesuit 2660 o|S A7 o|P B6 o|checkmark 2713 o|degree B0 o
        Box 25A1 o|square 25A1 o|blacksquare 25A0 o|lozenge 25CA o|mho 2127 o|complement 2201 o
        infin 221E o|Finv 2132 o|Game 2141 o|eth F0 o|vert 7C o|Vert 2016 o|varpropto 221D r
        ldots 2026 i|dots 2026 i|cdots 22EF i|vdots 22EE o|ddots 22F1 i|dotsc 2026 i|dotsb 22EF i
        dotsm 22EF i|dotsi 22EF i|dotso 2026 i|mathellipsis 2026 i
        pm B1 b|mp 2213 b|times D7 b|div F7 b|cdot 22C5 b|ast 2217 b|star 22C6 b|circ 2218 b
        bullet 2219 b|oplus 2295 b|ominus 2296 b|otimes 2297 b|oslash 2298 b|odot 2299 b|cap 2229 b
        cup 222A b|uplus 228E b|sqcap 2293 b|sqcup 2294 b|vee 2228 b|wedge 2227 b|land 2227 b|lor 2228 b
        setminus 2216 b|smallsetminus 2216 b|wr 2240 b|diamond 22C4 b|bigtriangleup 25B3 b
        bigtriangledown 25BD b|triangleleft 25C3 b|triangleright 25B9 b|amalg 2A3F b|dagger 2020 b
        ddagger 2021 b|ltimes 22C9 b|rtimes 22CA b|boxplus 229E b|boxtimes 22A0 b|boxminus 229F b
        boxdot 22A1 b|circledast 229B b|circledcirc 229A b|intercal 22BA b|dotplus 2214 b|centerdot 22C5 b
        divideontimes 22C7 b|barwedge 22BC b|veebar 22BB b|curlywedge 22CF b|curlyvee 22CE b|Cap 22D2 b|Cup 22D3 b
        leq 2264 r|le 2264 r|geq 2265 r|ge 2265 r|neq 2260 r|ne 2260 r|equiv 2261 r|approx 2248 r
        sim 223C r|simeq 2243 r|cong 2245 r|propto 221D r|ll 226A r|gg 226B r|lll 22D8 r|ggg 22D9 r
        subset 2282 r|supset 2283 r|subseteq 2286 r|supseteq 2287 r|subsetneq 228A r|supsetneq 228B r
        nsubseteq 2288 r|nsupseteq 2289 r|in 2208 r|ni 220B r|owns 220B r|notin 2209 r|mid 2223 r
        nmid 2224 r|parallel 2225 r|nparallel 2226 r|perp 27C2 r|models 22A7 r|vdash 22A2 r|dashv 22A3 r
        Vdash 22A9 r|vDash 22A8 r|asymp 224D r|doteq 2250 r|prec 227A r|succ 227B r|preceq 2AAF r
        succeq 2AB0 r|sqsubseteq 2291 r|sqsupseteq 2292 r|sqsubset 228F r|sqsupset 2290 r|bowtie 22C8 r
        smile 2323 r|frown 2322 r|leqslant 2A7D r|geqslant 2A7E r|lesssim 2272 r|gtrsim 2273 r
        approxeq 224A r|nleq 2270 r|ngeq 2271 r|nless 226E r|ngtr 226F r|triangleq 225C r
        coloneqq 2254 r|eqqcolon 2255 r|lt 3C r|gt 3E r|leqq 2266 r|geqq 2267 r|lneq 2A87 r|gneq 2A88 r
        nsim 2241 r|ncong 2247 r|sime 2243 r|eqsim 2242 r|Subset 22D0 r|Supset 22D1 r|pitchfork 22D4 r
        therefore 2234 r|because 2235 r|between 226C r|bumpeq 224F r|Bumpeq 224E r|circeq 2257 r
        lessgtr 2276 r|gtrless 2277 r|lesseqgtr 22DA r|gtreqless 22DB r|vartriangleleft 22B2 r
        vartriangleright 22B3 r|trianglelefteq 22B4 r|trianglerighteq 22B5 r|thicksim 223C r|thickapprox 2248 r
        leftarrow 2190 r|gets 2190 r|rightarrow 2192 r|to 2192 r|uparrow 2191 r|downarrow 2193 r
        leftrightarrow 2194 r|updownarrow 2195 r|Leftarrow 21D0 r|Rightarrow 21D2 r|Uparrow 21D1 r
        Downarrow 21D3 r|Leftrightarrow 21D4 r|Updownarrow 21D5 r|longleftarrow 27F5 r
        longrightarrow 27F6 r|longleftrightarrow 27F7 r|Longleftarrow 27F8 r|Longrightarrow 27F9 r
        Longleftrightarrow 27FA r|implies 27F9 r|impliedby 27F8 r|iff 27FA r|mapsto 21A6 r
        longmapsto 27FC r|hookleftarrow 21A9 r|hookrightarrow 21AA r|nearrow 2197 r|searrow 2198 r
        swarrow 2199 r|nwarrow 2196 r|rightharpoonup 21C0 r|rightharpoondown 21C1 r|leftharpoonup 21BC r
        leftharpoondown 21BD r|rightleftharpoons 21CC r|leftrightharpoons 21CB r|leadsto 21DD r
        rightsquigarrow 21DD r|twoheadrightarrow 21A0 r|twoheadleftarrow 219E r|rightrightarrows 21C9 r
        leftleftarrows 21C7 r|rightleftarrows 21C4 r|leftrightarrows 21C6 r|upuparrows 21C8 r
        downdownarrows 21CA r|circlearrowleft 21BA r|circlearrowright 21BB r|curvearrowleft 21B6 r
        curvearrowright 21B7 r|Lleftarrow 21DA r|Rrightarrow 21DB r|nleftarrow 219A r|nrightarrow 219B r
        nLeftarrow 21CD r|nRightarrow 21CF r|nleftrightarrow 21AE r|nLeftrightarrow 21CE r
        dashrightarrow 21E2 r|dashleftarrow 21E0 r|restriction 21BE r|multimap 22B8 r|upharpoonright 21BE r
        sum 2211 p|prod 220F p|coprod 2210 p|int 222B p|iint 222C p|iiint 222D p|oint 222E p
        oiint 222F p|oiiint 2230 p|bigcup 22C3 p|bigcap 22C2 p|bigvee 22C1 p|bigwedge 22C0 p
        bigoplus 2A01 p|bigotimes 2A02 p|bigodot 2A00 p|biguplus 2A04 p|bigsqcup 2A06 p|iiiint 2A0C p
        intop 222B p
        lbrace 7B (|rbrace 7D )|langle 27E8 (|rangle 27E9 )|lceil 2308 (|rceil 2309 )|lfloor 230A (
        rfloor 230B )|lvert 7C (|rvert 7C )|lVert 2016 (|rVert 2016 )|lbrack 5B (|rbrack 5D )
        lgroup 27EE (|rgroup 27EF )|lmoustache 23B0 (|rmoustache 23B1 )|ulcorner 231C (|urcorner 231D )
        llcorner 231E (|lrcorner 231F )|llbracket 27E6 (|rrbracket 27E7 )
        colon 3A u|ldotp 2E u|cdotp 22C5 u
        """;

    private static readonly Dictionary<string, SymbolInfo> Symbols = new(StringComparer.Ordinal);

    /// <summary>Ordinary, operator and relation symbols by their Unicode text, for typed-in characters.</summary>
    private static readonly Dictionary<string, SymbolInfo> ByText = new(StringComparer.Ordinal);

#pragma warning disable CA1810 // One pass over the data fills both tables; field initializers cannot share it.
    static SymbolTable()
#pragma warning restore CA1810
    {
        // A hand-written scan: string.Split with several separators and hex int.Parse pull in
        // vectorized library code that is JIT-compiled on first use, which dominated start-up.
        int i = 0;
        while (i < Data.Length)
        {
            while (i < Data.Length && Data[i] is ' ' or '|' or '\n' or '\r')
            {
                i++;
            }

            if (i == Data.Length)
            {
                break;
            }

            int nameStart = i;
            while (Data[i] != ' ')
            {
                i++;
            }

            string name = string.Concat("\\", Data.AsSpan(nameStart, i - nameStart));
            i++;
            int codePoint = 0;
            while (Data[i] != ' ')
            {
                codePoint = (codePoint * 16) + HexDigit(Data[i]);
                i++;
            }

            char symbolClass = Data[i + 1];
            i += 2;
            (AtomType type, bool large) = symbolClass switch
            {
                'o' => (AtomType.Ord, false),
                'p' => (AtomType.Op, true),
                'b' => (AtomType.Bin, false),
                'r' => (AtomType.Rel, false),
                '(' => (AtomType.Open, false),
                ')' => (AtomType.Close, false),
                'u' => (AtomType.Punct, false),
                'i' => (AtomType.Inner, false),
                _ => throw new InvalidOperationException($"Bad symbol class in '{name}'."),
            };
            var info = new SymbolInfo(char.ConvertFromUtf32(codePoint), type, large);
            Symbols[name] = info;
            if (type is not AtomType.Open and not AtomType.Close and not AtomType.Inner)
            {
                ByText.TryAdd(info.Text, info);
            }
        }
    }

    public static bool TryGet(string name, [MaybeNullWhen(false)] out SymbolInfo info) => Symbols.TryGetValue(name, out info);

    /// <summary>The symbol a typed-in character stands for (e.g. '≤' is the relation \\leq).</summary>
    public static bool TryGetByText(string text, [MaybeNullWhen(false)] out SymbolInfo info) => ByText.TryGetValue(text, out info);

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => throw new InvalidOperationException($"Bad hex digit '{c}' in the symbol table."),
    };
}

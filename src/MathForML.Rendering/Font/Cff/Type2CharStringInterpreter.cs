using MathForML.Rendering.Font.OpenType;

namespace MathForML.Rendering.Font.Cff;

/// <summary>
/// Executes a Type 2 charstring into an outline. Hints are counted (hintmask needs the stem count to
/// know its length) and otherwise ignored; the advance width operand is consumed and dropped.
/// </summary>
internal sealed class Type2CharStringInterpreter
{
    private const int MaxStack = 48;
    private const int MaxSubrDepth = 10;

    private readonly CffFont _font;
    private readonly double[] _stack = new double[MaxStack];
    private readonly GlyphOutlineBuilder _path = new();
    private int _top;
    private int _stemCount;
    private bool _widthSeen;
    private bool _open;
    private double _x;
    private double _y;
    private bool _ended;

    public Type2CharStringInterpreter(CffFont font)
    {
        _font = font;
    }

    public GlyphOutline Run(FontSlice charString)
    {
        Execute(charString, 0);
        return _path.Build();
    }

    private void Execute(FontSlice code, int depth)
    {
        if (depth > MaxSubrDepth)
        {
            throw new FontFormatException("Type 2 charstring subroutines nest too deeply.");
        }

        int p = 0;
        while (p < code.Length && !_ended)
        {
            int b0 = code.U8(p++);
            if (b0 >= 32 || b0 == 28)
            {
                p = ReadNumber(code, b0, p);
                continue;
            }

            switch (b0)
            {
                case 1 or 3 or 18 or 23:
                    TakeWidth(_top % 2 == 1);
                    _stemCount += _top / 2;
                    _top = 0;
                    break;
                case 19 or 20:
                    TakeWidth(_top % 2 == 1);
                    _stemCount += _top / 2;
                    _top = 0;
                    p += (_stemCount + 7) / 8;
                    break;
                case 21:
                    TakeWidth(_top > 2);
                    Need(2);
                    MoveTo(_x + _stack[0], _y + _stack[1]);
                    _top = 0;
                    break;
                case 22:
                    TakeWidth(_top > 1);
                    Need(1);
                    MoveTo(_x + _stack[0], _y);
                    _top = 0;
                    break;
                case 4:
                    TakeWidth(_top > 1);
                    Need(1);
                    MoveTo(_x, _y + _stack[0]);
                    _top = 0;
                    break;
                case 5:
                    for (int i = 0; i + 1 < _top; i += 2)
                    {
                        LineTo(_x + _stack[i], _y + _stack[i + 1]);
                    }

                    _top = 0;
                    break;
                case 6 or 7:
                    AlternatingLines(horizontalFirst: b0 == 6);
                    break;
                case 8:
                    for (int i = 0; i + 5 < _top; i += 6)
                    {
                        Curve(_stack[i], _stack[i + 1], _stack[i + 2], _stack[i + 3], _stack[i + 4], _stack[i + 5]);
                    }

                    _top = 0;
                    break;
                case 24:
                    RCurveLine();
                    break;
                case 25:
                    RLineCurve();
                    break;
                case 26 or 27:
                    FlatCurves(vertical: b0 == 26);
                    break;
                case 30 or 31:
                    AlternatingCurves(verticalFirst: b0 == 30);
                    break;
                case 10:
                    CallSubr(_font.LocalSubrs, depth);
                    break;
                case 29:
                    CallSubr(_font.GlobalSubrs, depth);
                    break;
                case 11:
                    return;
                case 14:
                    TakeWidth(_top == 1 || _top == 5);
                    if (_top >= 4)
                    {
                        throw new FontFormatException("Type 2 charstring uses deprecated seac-style endchar.");
                    }

                    _ended = true;
                    _top = 0;
                    break;
                case 12:
                    Escape(code.U8(p++));
                    break;
                default:
                    throw new FontFormatException($"Type 2 charstring uses reserved operator {b0}.");
            }
        }
    }

    private int ReadNumber(FontSlice code, int b0, int p)
    {
        double value;
        if (b0 == 28)
        {
            value = code.I16(p);
            p += 2;
        }
        else if (b0 <= 246)
        {
            value = b0 - 139;
        }
        else if (b0 <= 250)
        {
            value = ((b0 - 247) * 256) + code.U8(p++) + 108;
        }
        else if (b0 <= 254)
        {
            value = (-(b0 - 251) * 256) - code.U8(p++) - 108;
        }
        else
        {
            value = unchecked((int)code.U32(p)) / 65536.0;
            p += 4;
        }

        Push(value);
        return p;
    }

    private void Push(double value)
    {
        if (_top >= MaxStack)
        {
            throw new FontFormatException("Type 2 charstring argument stack overflow.");
        }

        _stack[_top++] = value;
    }

    private void Need(int count)
    {
        if (_top < count)
        {
            throw new FontFormatException("Type 2 charstring operator is missing arguments.");
        }
    }

    /// <summary>The first stack-clearing operator may carry the advance width as an extra leading operand.</summary>
    private void TakeWidth(bool hasWidth)
    {
        if (!_widthSeen && hasWidth)
        {
            Array.Copy(_stack, 1, _stack, 0, _top - 1);
            _top--;
        }

        _widthSeen = true;
    }

    private void CallSubr(CffIndex subrs, int depth)
    {
        if (_top == 0)
        {
            throw new FontFormatException("Type 2 callsubr without a subroutine number.");
        }

        int number = (int)_stack[--_top] + CffFont.SubrBias(subrs.Count);
        Execute(subrs.Item(number), depth + 1);
    }

    private void MoveTo(double x, double y)
    {
        _x = x;
        _y = y;
        _path.MoveTo(x, y);
        _open = true;
    }

    private void LineTo(double x, double y)
    {
        EnsureOpen();
        _x = x;
        _y = y;
        _path.LineTo(x, y);
    }

    private void Curve(double dx1, double dy1, double dx2, double dy2, double dx3, double dy3)
    {
        EnsureOpen();
        double x1 = _x + dx1;
        double y1 = _y + dy1;
        double x2 = x1 + dx2;
        double y2 = y1 + dy2;
        _x = x2 + dx3;
        _y = y2 + dy3;
        _path.CubicTo(x1, y1, x2, y2, _x, _y);
    }

    private void EnsureOpen()
    {
        if (!_open)
        {
            _path.MoveTo(_x, _y);
            _open = true;
        }
    }

    private void AlternatingLines(bool horizontalFirst)
    {
        bool horizontal = horizontalFirst;
        for (int i = 0; i < _top; i++)
        {
            if (horizontal)
            {
                LineTo(_x + _stack[i], _y);
            }
            else
            {
                LineTo(_x, _y + _stack[i]);
            }

            horizontal = !horizontal;
        }

        _top = 0;
    }

    private void RCurveLine()
    {
        Need(8);
        int i = 0;
        for (; i + 6 <= _top - 2; i += 6)
        {
            Curve(_stack[i], _stack[i + 1], _stack[i + 2], _stack[i + 3], _stack[i + 4], _stack[i + 5]);
        }

        LineTo(_x + _stack[i], _y + _stack[i + 1]);
        _top = 0;
    }

    private void RLineCurve()
    {
        Need(8);
        int i = 0;
        for (; i + 2 <= _top - 6; i += 2)
        {
            LineTo(_x + _stack[i], _y + _stack[i + 1]);
        }

        Curve(_stack[i], _stack[i + 1], _stack[i + 2], _stack[i + 3], _stack[i + 4], _stack[i + 5]);
        _top = 0;
    }

    /// <summary>vvcurveto / hhcurveto: curves that start and end along one axis, optional leading offset.</summary>
    private void FlatCurves(bool vertical)
    {
        int i = 0;
        double lead = 0;
        if (_top % 4 == 1)
        {
            lead = _stack[0];
            i = 1;
        }

        for (; i + 3 < _top; i += 4)
        {
            if (vertical)
            {
                Curve(lead, _stack[i], _stack[i + 1], _stack[i + 2], 0, _stack[i + 3]);
            }
            else
            {
                Curve(_stack[i], lead, _stack[i + 1], _stack[i + 2], _stack[i + 3], 0);
            }

            lead = 0;
        }

        _top = 0;
    }

    /// <summary>vhcurveto / hvcurveto: tangents alternate between vertical and horizontal.</summary>
    private void AlternatingCurves(bool verticalFirst)
    {
        bool vertical = verticalFirst;
        int i = 0;
        while (i + 3 < _top)
        {
            bool last = i + 4 >= _top - 1;
            double extra = last && _top - i == 5 ? _stack[i + 4] : 0;
            if (vertical)
            {
                Curve(0, _stack[i], _stack[i + 1], _stack[i + 2], _stack[i + 3], extra);
            }
            else
            {
                Curve(_stack[i], 0, _stack[i + 1], _stack[i + 2], extra, _stack[i + 3]);
            }

            vertical = !vertical;
            i += 4;
        }

        _top = 0;
    }

    private void Escape(int op)
    {
        double[] s = _stack;
        Need(op switch { 35 => 12, 34 => 7, 36 => 9, 37 => 11, _ => 0 });
        switch (op)
        {
            case 35:
                Curve(s[0], s[1], s[2], s[3], s[4], s[5]);
                Curve(s[6], s[7], s[8], s[9], s[10], s[11]);
                break;
            case 34:
            {
                double y0 = _y;
                Curve(s[0], 0, s[1], s[2], s[3], 0);
                Curve(s[4], 0, s[5], y0 - _y, s[6], 0);
                break;
            }

            case 36:
            {
                double y0 = _y;
                Curve(s[0], s[1], s[2], s[3], s[4], 0);
                Curve(s[5], 0, s[6], s[7], s[8], y0 - _y - s[7]);
                break;
            }

            case 37:
            {
                double dx = s[0] + s[2] + s[4] + s[6] + s[8];
                double dy = s[1] + s[3] + s[5] + s[7] + s[9];
                double x0 = _x;
                double y0 = _y;
                Curve(s[0], s[1], s[2], s[3], s[4], s[5]);
                bool horizontal = double.Abs(dx) > double.Abs(dy);
                double lastX = horizontal ? s[10] : x0 - (_x + s[6] + s[8]);
                double lastY = horizontal ? y0 - (_y + s[7] + s[9]) : s[10];
                Curve(s[6], s[7], s[8], s[9], lastX, lastY);
                break;
            }

            default:
                throw new FontFormatException($"Type 2 charstring uses unsupported escaped operator 12 {op}.");
        }

        _top = 0;
    }
}

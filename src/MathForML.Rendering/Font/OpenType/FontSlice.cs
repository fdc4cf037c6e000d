namespace MathForML.Rendering.Font.OpenType;

/// <summary>
/// A bounds-checked big-endian view of one region of the font file. Every read is checked against the
/// region so a corrupt offset becomes a <see cref="FontFormatException"/> naming the table, not a stray read.
/// </summary>
internal readonly struct FontSlice
{
    private readonly byte[] _data;

    public FontSlice(byte[] data, int start, int length, string name)
    {
        if (start < 0 || length < 0 || (long)start + length > data.Length)
        {
            throw new FontFormatException(
                $"Font region '{name}' at {start} with length {length} lies outside the {data.Length}-byte file.");
        }

        _data = data;
        Start = start;
        Length = length;
        Name = name;
    }

    public int Start { get; }

    public int Length { get; }

    public string Name { get; }

    public byte[] Data => _data;

    public FontSlice Sub(int offset, int length, string name)
    {
        Check(offset, length);
        return new FontSlice(_data, Start + offset, length, name);
    }

    /// <summary>A sub-region from offset to the end of this one.</summary>
    public FontSlice From(int offset, string name)
    {
        Check(offset, 0);
        return new FontSlice(_data, Start + offset, Length - offset, name);
    }

    public byte U8(int offset)
    {
        Check(offset, 1);
        return _data[Start + offset];
    }

    public ushort U16(int offset)
    {
        Check(offset, 2);
        int p = Start + offset;
        return (ushort)((_data[p] << 8) | _data[p + 1]);
    }

    public short I16(int offset) => unchecked((short)U16(offset));

    public uint U24(int offset)
    {
        Check(offset, 3);
        int p = Start + offset;
        return (uint)((_data[p] << 16) | (_data[p + 1] << 8) | _data[p + 2]);
    }

    public uint U32(int offset)
    {
        Check(offset, 4);
        int p = Start + offset;
        return ((uint)_data[p] << 24) | ((uint)_data[p + 1] << 16) | ((uint)_data[p + 2] << 8) | _data[p + 3];
    }

    /// <summary>Reads an offset-sized unsigned integer of 1..4 bytes (CFF offSize).</summary>
    public int UVar(int offset, int size)
    {
        uint value = size switch
        {
            1 => U8(offset),
            2 => U16(offset),
            3 => U24(offset),
            4 => U32(offset),
            _ => throw new FontFormatException($"Invalid offset size {size} in '{Name}'."),
        };
        if (value > int.MaxValue)
        {
            throw new FontFormatException($"Offset {value} in '{Name}' is too large.");
        }

        return (int)value;
    }

    public string Ascii(int offset, int length)
    {
        Check(offset, length);

        // Tags are four bytes: a plain loop avoids the vectorized transcoder, which is JIT-compiled
        // (not precompiled) on first use and costs milliseconds at start-up.
        Span<char> chars = length <= 64 ? stackalloc char[length] : new char[length];
        for (int i = 0; i < length; i++)
        {
            byte b = _data[Start + offset + i];
            chars[i] = b < 0x80 ? (char)b : '?';
        }

        return new string(chars);
    }

    private void Check(int offset, int length)
    {
        if (offset < 0 || length < 0 || (long)offset + length > Length)
        {
            throw new FontFormatException(
                $"Read of {length} bytes at offset {offset} is outside font region '{Name}' ({Length} bytes).");
        }
    }
}

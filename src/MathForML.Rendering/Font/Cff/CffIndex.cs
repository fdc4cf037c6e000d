using MathForML.Rendering.Font.OpenType;

namespace MathForML.Rendering.Font.Cff;

/// <summary>
/// A CFF INDEX: a counted array of variable-length byte objects. Offsets are read when an item is
/// asked for, not all at load: the CharStrings INDEX has thousands of entries and a render touches a
/// few dozen, so eager decoding only costs start-up time.
/// </summary>
internal sealed class CffIndex
{
    private readonly FontSlice _offsets;
    private readonly int _offSize;
    private readonly FontSlice _data;

    private CffIndex(FontSlice offsets, int offSize, FontSlice data, int count, int totalSize)
    {
        _offsets = offsets;
        _offSize = offSize;
        _data = data;
        Count = count;
        TotalSize = totalSize;
    }

    public int Count { get; }

    /// <summary>Bytes the INDEX occupies, so the caller can find what follows it.</summary>
    public int TotalSize { get; }

    public static CffIndex Read(FontSlice cff, int offset, string name)
    {
        int count = cff.U16(offset);
        if (count == 0)
        {
            FontSlice empty = cff.Sub(offset, 0, name);
            return new CffIndex(empty, 1, empty, 0, 2);
        }

        int offSize = cff.U8(offset + 2);
        if (offSize is < 1 or > 4)
        {
            throw new FontFormatException($"CFF INDEX '{name}' has invalid offset size {offSize}.");
        }

        FontSlice offsets = cff.Sub(offset + 3, (count + 1) * offSize, name);
        int first = offsets.UVar(0, offSize);
        int last = offsets.UVar(count * offSize, offSize);
        if (first != 1 || last < first)
        {
            throw new FontFormatException($"CFF INDEX '{name}' has offsets {first}..{last} (the first must be 1).");
        }

        int dataStart = offset + 3 + offsets.Length;
        FontSlice data = cff.Sub(dataStart, last - 1, name);
        return new CffIndex(offsets, offSize, data, count, dataStart + data.Length - offset);
    }

    public FontSlice Item(int index)
    {
        if (index < 0 || index >= Count)
        {
            throw new FontFormatException($"CFF INDEX '{_data.Name}' has no item {index} (count {Count}).");
        }

        int start = _offsets.UVar(index * _offSize, _offSize);
        int end = _offsets.UVar((index + 1) * _offSize, _offSize);
        if (start < 1 || end < start)
        {
            throw new FontFormatException($"CFF INDEX '{_data.Name}' has a non-increasing offset at item {index + 1}.");
        }

        return _data.Sub(start - 1, end - start, _data.Name);
    }
}

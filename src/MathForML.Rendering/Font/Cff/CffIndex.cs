using MathForML.Rendering.Font.OpenType;

namespace MathForML.Rendering.Font.Cff;

/// <summary>A CFF INDEX: a counted array of variable-length byte objects.</summary>
internal sealed class CffIndex
{
    private readonly FontSlice _data;
    private readonly int[] _offsets;

    private CffIndex(FontSlice data, int[] offsets, int totalSize)
    {
        _data = data;
        _offsets = offsets;
        TotalSize = totalSize;
    }

    public int Count => _offsets.Length - 1;

    /// <summary>Bytes the INDEX occupies, so the caller can find what follows it.</summary>
    public int TotalSize { get; }

    public static CffIndex Read(FontSlice cff, int offset, string name)
    {
        int count = cff.U16(offset);
        if (count == 0)
        {
            return new CffIndex(cff.Sub(offset, 0, name), [0], 2);
        }

        int offSize = cff.U8(offset + 2);
        var offsets = new int[count + 1];
        int dataStart = offset + 3 + ((count + 1) * offSize) - 1;
        for (int i = 0; i <= count; i++)
        {
            offsets[i] = cff.UVar(offset + 3 + (i * offSize), offSize);
            if (offsets[i] < 1 || (i > 0 && offsets[i] < offsets[i - 1]))
            {
                throw new FontFormatException($"CFF INDEX '{name}' has a non-increasing offset at item {i}.");
            }
        }

        int dataLength = offsets[count] - 1;
        FontSlice data = cff.Sub(dataStart + 1, dataLength, name);
        for (int i = 0; i <= count; i++)
        {
            offsets[i] -= 1;
        }

        return new CffIndex(data, offsets, dataStart + 1 + dataLength - offset);
    }

    public FontSlice Item(int index)
    {
        if (index < 0 || index >= Count)
        {
            throw new FontFormatException($"CFF INDEX '{_data.Name}' has no item {index} (count {Count}).");
        }

        return _data.Sub(_offsets[index], _offsets[index + 1] - _offsets[index], _data.Name);
    }
}

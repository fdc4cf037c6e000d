using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MathForML.Math.Problems;

/// <summary>Stable seeds for per-member or per-group instances, independent of machine, process and hash codes.</summary>
public static class ProblemSeed
{
    /// <summary>
    /// SHA-256 over the UTF-8 of each id, each prefixed by its byte length (so ("ab","c") and ("a","bc") differ);
    /// the first 8 bytes, little-endian. Pass an empty member id for one instance per group.
    /// </summary>
    public static ulong Derive(string problemId, string groupId, string memberId)
    {
        ArgumentNullException.ThrowIfNull(problemId);
        ArgumentNullException.ThrowIfNull(groupId);
        ArgumentNullException.ThrowIfNull(memberId);
        using var buffer = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var part in new[] { problemId, groupId, memberId })
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            buffer.Write(length);
            buffer.Write(bytes);
        }

        var hash = SHA256.HashData(buffer.ToArray());
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Dssm.Research.Data;

/// <summary>
/// Ids for texts that come without one (click logs, pointwise pairs, sentence pairs): the prefix and the
/// first 16 hex digits (64 bits) of the SHA-256 of the UTF-8 text, e.g. <c>q-</c> + 16 hex. The same text
/// gets the same id on every machine and run, so converted datasets are reproducible and joinable.
/// </summary>
public static class StableId
{
    public static string For(string prefix, string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return prefix + Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>A number in [0, 1) from the id's hash: used to assign queries to splits reproducibly.</summary>
    internal static double Unit(string id)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        return (BitConverter.ToUInt64(hash[..8]) >> 11) / (double)(1UL << 53);
    }
}

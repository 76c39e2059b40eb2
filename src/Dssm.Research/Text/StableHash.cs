using System.Runtime.CompilerServices;

namespace Dssm.Research.Text;

/// <summary>
/// The hashing trick's hash: the same number on every machine, process and .NET version (unlike
/// <c>string.GetHashCode</c>, which is randomised per process). Built for letter n-grams, which are a few
/// UTF-16 code units long: the feature is cut into blocks of up to four code units, each block packed
/// into 64 bits (first unit highest: <c>"goo"</c> → <c>0x0067_006F_006F</c>), and folded into a state
/// seeded by the feature's kind and length: <c>h = fmix64((h ^ block) × φ)</c>, where fmix64 is
/// MurmurHash3's finaliser and φ = 0x9E3779B97F4A7C15. A trigram is a single block, so it costs three
/// multiplications and can be computed from a rolling window over the word. The bucket is
/// <c>(h<sub>high 32</sub> × N) >> 32</c> (multiply-shift range reduction: uniform for any N, no division).
/// The kind (letter n-gram, word, Chinese character) is in the seed, so the word "go" and the n-gram
/// "go" land in different buckets.
/// </summary>
internal static class StableHash
{
    private const ulong Phi = 0x9E3779B97F4A7C15;
    private const ulong Pi = 0x243F6A8885A308D3;

    /// <summary>The 64-bit hash of <paramref name="feature"/> of the given kind.</summary>
    public static ulong Feature(FeatureKind kind, ReadOnlySpan<char> feature)
    {
        var h = Seed(kind, feature.Length);
        for (var i = 0; i < feature.Length; i += 4)
        {
            var block = 0UL;
            var end = Math.Min(i + 4, feature.Length);
            for (var j = i; j < end; j++) block = (block << 16) | feature[j];
            h = Step(h, block);
        }
        return h;
    }

    /// <summary>The initial state for a feature of <paramref name="kind"/> and <paramref name="length"/> code units.</summary>
    public static ulong Seed(FeatureKind kind, int length) =>
        Fmix64(Pi ^ ((ulong)KindByte(kind) << 56) ^ (uint)length);

    /// <summary>Folds one packed block of up to four code units into the state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Step(ulong state, ulong block) => Fmix64((state ^ block) * Phi);

    /// <summary>Maps a 64-bit hash to <c>[0, buckets)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bucket(ulong hash, int buckets) => (int)(((hash >> 32) * (uint)buckets) >> 32);

    /// <summary>The kind byte of the seed: <c>'g'</c> letter n-gram, <c>'w'</c> word, <c>'c'</c> Chinese character.</summary>
    public static byte KindByte(FeatureKind kind) => kind switch
    {
        FeatureKind.NGram => (byte)'g',
        FeatureKind.Word => (byte)'w',
        _ => (byte)'c',
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fmix64(ulong k)
    {
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCD;
        k ^= k >> 33;
        k *= 0xC4CEB9FE1A85EC53;
        k ^= k >> 33;
        return k;
    }
}

namespace Dssm.Research.Sampling;

/// <summary>
/// A small, fast, seedable random generator (SplitMix64). Its state is one number, and
/// <see cref="For"/> derives an independent stream from (seed, stream, index) — so the sample drawn at
/// training step s depends only on (seed, s): resuming from a checkpoint draws exactly what an
/// uninterrupted run would, with no generator state to save.
/// </summary>
public sealed class Rng
{
    ulong state;

    public Rng(ulong seed) { state = seed; }

    /// <summary>An independent generator for (seed, stream, index).</summary>
    public static Rng For(long seed, long stream, long index) =>
        new(Mix(Mix(Mix((ulong)seed) ^ (ulong)stream * 0xD1B54A32D192ED03UL) ^ (ulong)index * 0x9E3779B97F4A7C15UL));

    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be > 0");
        return (int)((NextUInt64() >> 33) * (ulong)n >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

namespace Dssm.Research.Data;

/// <summary>
/// The library's one seeded random generator: SplitMix64 (Steele, Lea and Flood 2014, "Fast splittable
/// pseudorandom number generators"). Its sequence is fixed by its definition, so the same seed draws the same
/// numbers on every runtime and machine, unlike a framework RNG; its state is one number, and
/// <see cref="For"/> derives an independent stream from (seed, stream, index) — so the sample drawn at
/// training step s depends only on (seed, s): resuming from a checkpoint draws exactly what an
/// uninterrupted run would, with no generator state to save.
/// <para>
/// Two mappings of a 64-bit draw to [0, n), each pinned by what was produced with it:
/// <list type="bullet">
/// <item><see cref="Next(int)"/> and <see cref="Shuffle{T}"/>: multiply-shift on the top 31 bits
/// (Lemire 2019, "Fast random integer generation in an interval", without the rejection step; bias below
/// n/2^31). Training, sampling, pair export and t-SNE draw with it; changing it changes every trained figure.</item>
/// <item><see cref="NextModulo(int)"/>, <see cref="PickModulo{T}"/> and <see cref="ShuffleModulo{T}"/>:
/// the draw modulo n (bias below 2^-40 for the sizes used). The embedded dataset's generator
/// (<see cref="SyntheticClicks"/>) draws with it; its committed bytes are checked against a regeneration, so it stays.</item>
/// </list>
/// </para>
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
        return Mix(z);
    }

    /// <summary>Uniform in [0, n), by multiply-shift.</summary>
    public int Next(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be > 0");
        return (int)((NextUInt64() >> 33) * (ulong)n >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Fisher–Yates shuffle in place, by <see cref="Next(int)"/>.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Uniform in [0, n), by modulo (the dataset generator's mapping).</summary>
    public int NextModulo(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be > 0");
        return (int)(NextUInt64() % (ulong)n);
    }

    /// <summary>One item, by <see cref="NextModulo(int)"/>.</summary>
    public T PickModulo<T>(IReadOnlyList<T> items) => items[NextModulo(items.Count)];

    /// <summary>Fisher–Yates shuffle in place, by <see cref="NextModulo(int)"/>.</summary>
    public void ShuffleModulo<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextModulo(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>SplitMix64's output function (its finaliser of the state).</summary>
    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

using System.Numerics;
using System.Runtime.InteropServices;

namespace Dssm.Research.Retrieval;

/// <summary>
/// The exact-search kernel: scores[b, n] = ⟨q_b, d_n⟩ for a block of queries against all rows, SIMD over the
/// dimension with <see cref="Vector{T}"/>. Each document row is loaded once per query block and reused for all
/// of it (the block stays in L1), which is what makes this a matrix product rather than B matrix–vector ones.
/// </summary>
internal static class DotProducts
{
    /// <summary>Query rows per block: 32 × D floats stay in L1 for D ≤ 256.</summary>
    public const int QueryBlock = 32;

    /// <param name="docs">N × D row-major.</param>
    /// <param name="queries">B × D row-major, B ≤ <see cref="QueryBlock"/>.</param>
    /// <param name="scores">B × N row-major output.</param>
    /// <param name="dimension">D.</param>
    public static void Block(ReadOnlySpan<float> docs, ReadOnlySpan<float> queries, Span<float> scores, int dimension)
    {
        var n = docs.Length / dimension;
        var b = queries.Length / dimension;
        for (var row = 0; row < n; row++)
        {
            var d = docs.Slice(row * dimension, dimension);
            for (var q = 0; q < b; q++)
                scores[q * n + row] = Dot(d, queries.Slice(q * dimension, dimension));
        }
    }

    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        var i = 0;
        var sum = 0f;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
            var vy = MemoryMarshal.Cast<float, Vector<float>>(y);
            var acc = Vector<float>.Zero;
            for (var v = 0; v < vx.Length; v++) acc += vx[v] * vy[v];
            sum = Vector.Sum(acc);
            i = vx.Length * Vector<float>.Count;
        }
        for (; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }
}

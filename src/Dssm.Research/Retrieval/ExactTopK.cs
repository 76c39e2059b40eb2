using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Dssm.Research.Ranking;

namespace Dssm.Research.Retrieval;

/// <summary>
/// Exact top-k of a block of queries against every row, without a score matrix: each row's scores for eight
/// queries at a time go straight into the queries' top-k heaps, and only a score at or above a query's current
/// k-th best is looked at again (after the first few thousand rows, almost none are).
/// <para>
/// Rows are taken in tiles that stay in L2 (<see cref="TileRows"/>), and every query group of the block runs over
/// a tile before the next one is read: the matrix crosses the memory bus once per block of
/// <see cref="QueryBlock"/> queries. With AVX and FMA and D a multiple of 8, one row against eight queries is
/// eight independent FMA chains (one load of the row per step) and a horizontal-add tree that leaves the eight
/// sums in one register (the usual 8 × 8 transpose-and-add). Otherwise each score is <see cref="DotProducts.Dot"/>.
/// Both paths compute every (query, row) score the same way wherever the query sits in its block and whichever
/// row it is, so a query searched alone gets the same scores, and equal rows tie exactly.
/// </para>
/// </summary>
internal static class ExactTopK
{
    /// <summary>Queries per block: the matrix is read once per block.</summary>
    public const int QueryBlock = 64;

    /// <summary>Rows per tile: 256 × 128 floats = 128 KB, within L2 next to a block's queries.</summary>
    public const int TileRows = 256;

    const int Group = 8;

    /// <summary>Whether this machine and dimension take the AVX/FMA path.</summary>
    public static bool Vectorised(int dimension) => Avx.IsSupported && Fma.IsSupported && dimension % Group == 0;

    /// <summary>Top-k of each query of the block, in trec_eval order (score descending, ties by id descending).</summary>
    /// <param name="docs">n × D row-major: rows firstRow … firstRow + n − 1 of the matrix.</param>
    /// <param name="ids">the ids of every row of the matrix (the tie-break).</param>
    /// <param name="queries">B × D row-major, B ≤ <see cref="QueryBlock"/>.</param>
    /// <param name="firstRow">the matrix row of docs' first row.</param>
    public static ScoredDoc[][] Search(ReadOnlySpan<float> docs, string[] ids, ReadOnlySpan<float> queries, int dimension, int k, int firstRow = 0)
    {
        var n = docs.Length / dimension;
        var b = queries.Length / dimension;
        var groups = (b + Group - 1) / Group;
        // Padded to whole groups with zero queries, so that every real query's arithmetic is the same.
        var padded = new float[groups * Group * dimension];
        queries.CopyTo(padded);
        var heaps = new TopHeap[groups * Group];
        for (var q = 0; q < heaps.Length; q++) heaps[q] = new TopHeap(Math.Min(k, Math.Max(n, 1)), ids);
        var thresholds = new float[groups * Group];
        Array.Fill(thresholds, float.NegativeInfinity, 0, b);
        Array.Fill(thresholds, float.PositiveInfinity, b, thresholds.Length - b);   // the padding is never offered
        var scores = new float[Group];
        var fast = Vectorised(dimension);
        for (var tile = 0; tile < n; tile += TileRows)
        {
            var end = Math.Min(n, tile + TileRows);
            for (var g = 0; g < groups; g++)
            {
                var group = padded.AsSpan(g * Group * dimension, Group * dimension);
                var limit = thresholds.AsSpan(g * Group, Group);
                for (var row = tile; row < end; row++)
                {
                    var doc = docs.Slice(row * dimension, dimension);
                    uint over;
                    if (fast)
                    {
                        var s = Scores8(doc, group, dimension);
                        over = Vector256.GreaterThanOrEqual(s, Vector256.Create<float>(limit)).ExtractMostSignificantBits();
                        if (over == 0) continue;
                        s.CopyTo(scores);
                    }
                    else
                    {
                        over = 0;
                        for (var j = 0; j < Group; j++)
                        {
                            scores[j] = DotProducts.Dot(doc, group.Slice(j * dimension, dimension));
                            if (scores[j] >= limit[j]) over |= 1u << j;
                        }
                        if (over == 0) continue;
                    }
                    for (; over != 0; over &= over - 1)
                    {
                        var j = System.Numerics.BitOperations.TrailingZeroCount(over);
                        var heap = heaps[g * Group + j];
                        if (heap.Offer(firstRow + row, scores[j])) limit[j] = heap.Threshold;
                    }
                }
            }
        }
        var result = new ScoredDoc[b][];
        for (var q = 0; q < b; q++) result[q] = heaps[q].Drain();
        return result;
    }

    /// <summary>The row's dot products with the group's eight queries, lane j for query j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> Scores8(ReadOnlySpan<float> doc, ReadOnlySpan<float> group, int dimension)
    {
        ref var d = ref Unsafe.AsRef(in doc[0]);
        ref var q = ref Unsafe.AsRef(in group[0]);
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        for (var i = 0; i < dimension; i += Group)
        {
            var x = Vector256.LoadUnsafe(ref d, (nuint)i);
            a0 = Fma.MultiplyAdd(x, Vector256.LoadUnsafe(ref q, (nuint)i), a0);
            a1 = Fma.MultiplyAdd(x, Vector256.LoadUnsafe(ref q, (nuint)(dimension + i)), a1);
            a2 = Fma.MultiplyAdd(x, Vector256.LoadUnsafe(ref q, (nuint)(2 * dimension + i)), a2);
            a3 = Fma.MultiplyAdd(x, Vector256.LoadUnsafe(ref q, (nuint)(3 * dimension + i)), a3);
            a4 = Fma.MultiplyAdd(x, Vector256.LoadUnsafe(ref q, (nuint)(4 * dimension + i)), a4);
            a5 = Fma.MultiplyAdd(x, Vector256.LoadUnsafe(ref q, (nuint)(5 * dimension + i)), a5);
            a6 = Fma.MultiplyAdd(x, Vector256.LoadUnsafe(ref q, (nuint)(6 * dimension + i)), a6);
            a7 = Fma.MultiplyAdd(x, Vector256.LoadUnsafe(ref q, (nuint)(7 * dimension + i)), a7);
        }
        // hadd within 128-bit halves: u0 = [s0 s1 s2 s3 | s0' s1' s2' s3'] (low-half and high-half partial sums).
        var u0 = Avx.HorizontalAdd(Avx.HorizontalAdd(a0, a1), Avx.HorizontalAdd(a2, a3));
        var u1 = Avx.HorizontalAdd(Avx.HorizontalAdd(a4, a5), Avx.HorizontalAdd(a6, a7));
        return Avx.Add(Avx.Permute2x128(u0, u1, 0x20), Avx.Permute2x128(u0, u1, 0x31));
    }

    /// <summary>The best k rows of one query, a binary heap with the worst of them at the root.</summary>
    sealed class TopHeap(int k, string[] ids)
    {
        readonly int[] rows = new int[k];
        readonly float[] scores = new float[k];
        int count;

        /// <summary>The score a row must reach to be offered again (−∞ until the heap is full).</summary>
        public float Threshold => count < rows.Length ? float.NegativeInfinity : scores[0];

        /// <summary>Keeps the row if it is among the best k so far; true when the threshold may have moved.</summary>
        public bool Offer(int row, float score)
        {
            if (count < rows.Length)
            {
                var i = count++;
                rows[i] = row; scores[i] = score;
                Up(i);
                return count == rows.Length;
            }
            if (!Better(row, score, rows[0], scores[0])) return false;
            rows[0] = row; scores[0] = score;
            Down(0);
            return true;
        }

        /// <summary>Trec order: a higher score, or the same score and a greater id (ordinal).</summary>
        bool Better(int rowA, float a, int rowB, float b) =>
            a != b ? a > b : string.CompareOrdinal(ids[rowA], ids[rowB]) > 0;

        void Up(int i)
        {
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (!Better(rows[parent], scores[parent], rows[i], scores[i])) break;
                Swap(i, parent);
                i = parent;
            }
        }

        void Down(int i)
        {
            while (true)
            {
                var worst = i;
                var l = 2 * i + 1;
                var r = l + 1;
                if (l < count && Better(rows[worst], scores[worst], rows[l], scores[l])) worst = l;
                if (r < count && Better(rows[worst], scores[worst], rows[r], scores[r])) worst = r;
                if (worst == i) return;
                Swap(i, worst);
                i = worst;
            }
        }

        void Swap(int a, int b)
        {
            (rows[a], rows[b]) = (rows[b], rows[a]);
            (scores[a], scores[b]) = (scores[b], scores[a]);
        }

        /// <summary>The kept rows, best first.</summary>
        public ScoredDoc[] Drain()
        {
            var result = new ScoredDoc[count];
            for (var r = count - 1; r >= 0; r--)
            {
                result[r] = new ScoredDoc(ids[rows[0]], scores[0]);
                count--;
                if (count > 0)
                {
                    rows[0] = rows[count]; scores[0] = scores[count];
                    Down(0);
                }
            }
            return result;
        }
    }
}

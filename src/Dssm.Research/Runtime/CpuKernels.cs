using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using TorchSharp;
using static TorchSharp.torch;

namespace Dssm.Research.Runtime;

/// <summary>
/// Fused loops over CPU float32 tensors, written in C# on the tensors' own memory (no copies), for the
/// places where libtorch's ops cost most: in training, the gradient of the touched input-layer rows (a transposed
/// EmbeddingBag; libtorch's backward with per-sample weights and its <c>index_add</c> are slow on CPU) and Adam's
/// update (one pass over w, m, v, g instead of ~8 temporaries); in encoding, tanh. Same arithmetic as the libtorch
/// ops they replace, up to float rounding; the tests compare both.
/// </summary>
internal static class CpuKernels
{
    /// <summary>True when every tensor is a contiguous float32 CPU tensor (what the kernels need).</summary>
    public static bool Applies(params Tensor[] tensors)
    {
        foreach (var t in tensors)
            if (t.device_type != DeviceType.CPU || t.dtype != ScalarType.Float32 || !t.is_contiguous()) return false;
        return true;
    }

    static Span<float> Floats(Tensor t) => MemoryMarshal.Cast<byte, float>(t.bytes);

    /// <summary>Runs body(start, end) over [0, count) in at most libtorch's thread count chunks.</summary>
    static void Chunks(long count, long minPerChunk, Action<long, long> body)
    {
        var chunks = (int)Math.Max(1, Math.Min(get_num_threads(), count / Math.Max(1, minPerChunk)));
        if (chunks == 1) { body(0, count); return; }
        Parallel.For(0, chunks, c => body(count * c / chunks, count * (c + 1) / chunks));
    }

    /// <summary>
    /// The gradient of the rows of W1 that a batch touched: for each distinct id r (ascending),
    /// grad[r] = Σ over its occurrences (bag b, weight w) of w·outGrad[b]. <paramref name="bags"/> are the
    /// batches as given to EmbeddingBag; <paramref name="outGrads"/> their (Count, width) output gradients.
    /// <paramref name="scratch"/> is an int array of the vocabulary size, all zero, left all zero.
    /// </summary>
    public static (Tensor Rows, Tensor Grad) RowGradients(IReadOnlyList<Text.SparseBatch> bags, IReadOnlyList<Tensor> outGrads, int width, int[] scratch)
    {
        // Count the occurrences of each id.
        long total = 0;
        foreach (var b in bags) { foreach (var id in b.Ids) scratch[id]++; total += b.Ids.Length; }
        // Distinct ids in ascending order, and where each one's occurrences start (CSR, transposed).
        var rows = new List<long>();
        var start = new List<int> { 0 };
        var running = 0;
        for (var id = 0; id < scratch.Length; id++)
        {
            var c = scratch[id];
            if (c == 0) continue;
            scratch[id] = rows.Count + 1; // 1-based row index while filling
            rows.Add(id);
            running += c;
            start.Add(running);
        }
        var cursor = start.ToArray();
        var source = new int[total]; var weight = new float[total];
        var bagBase = 0;
        foreach (var b in bags)
        {
            for (var bag = 0; bag < b.Count; bag++)
            {
                var end = bag + 1 < b.Count ? (int)b.Offsets[bag + 1] : b.Ids.Length;
                for (var i = (int)b.Offsets[bag]; i < end; i++)
                {
                    var at = cursor[scratch[b.Ids[i]] - 1]++;
                    source[at] = bagBase + bag; weight[at] = b.Weights[i];
                }
            }
            bagBase += b.Count;
        }
        foreach (var id in rows) scratch[id] = 0;

        var g = outGrads.Count == 1 ? outGrads[0].contiguous() : cat(outGrads.ToArray()).contiguous(); // (ΣB, width)
        var result = zeros(rows.Count, width);                                                           // (U, width)
        var starts = start.ToArray();
        Chunks(rows.Count, 256, (from, to) =>
        {
            var src = Floats(g); var dst = Floats(result);
            for (var r = (int)from; r < to; r++)
            {
                var row = dst.Slice(r * width, width);
                var k = starts[r];
                for (; k + 4 <= starts[r + 1]; k += 4)   // four source rows in flight: their cache misses overlap
                    Axpy4(weight[k], src.Slice(source[k] * width, width), weight[k + 1], src.Slice(source[k + 1] * width, width),
                        weight[k + 2], src.Slice(source[k + 2] * width, width), weight[k + 3], src.Slice(source[k + 3] * width, width), row);
                for (; k < starts[r + 1]; k++) Axpy(weight[k], src.Slice(source[k] * width, width), row);
            }
        });
        return (tensor(rows.ToArray()), result);
    }

    /// <summary>y += a·x.</summary>
    static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<float>(a);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
                (new Vector<float>(y.Slice(i)) + va * new Vector<float>(x.Slice(i))).CopyTo(y.Slice(i));
        }
        for (; i < x.Length; i++) y[i] += a * x[i];
    }

    /// <summary>y += a0·x0 + a1·x1 + a2·x2 + a3·x3, added in that order (the rounding of four <see cref="Axpy"/> calls).</summary>
    static void Axpy4(float a0, ReadOnlySpan<float> x0, float a1, ReadOnlySpan<float> x1, float a2, ReadOnlySpan<float> x2,
        float a3, ReadOnlySpan<float> x3, Span<float> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<float> v0 = new(a0), v1 = new(a1), v2 = new(a2), v3 = new(a3);
            for (; i <= y.Length - Vector<float>.Count; i += Vector<float>.Count)
                (new Vector<float>(y.Slice(i)) + v0 * new Vector<float>(x0.Slice(i)) + v1 * new Vector<float>(x1.Slice(i))
                    + v2 * new Vector<float>(x2.Slice(i)) + v3 * new Vector<float>(x3.Slice(i))).CopyTo(y.Slice(i));
        }
        for (; i < y.Length; i++) y[i] = y[i] + a0 * x0[i] + a1 * x1[i] + a2 * x2[i] + a3 * x3[i];
    }

    /// <summary>x = tanh(x) in place, split over libtorch's thread count (<see cref="Tanh(Span{float})"/>).</summary>
    public static void TanhInPlace(Tensor x) => Chunks(x.numel(), 1 << 15, (from, to) => Tanh(Floats(x).Slice((int)from, (int)(to - from))));

    /// <summary>
    /// tanh in place, as the odd rational function p(x)/q(x) of degrees 13 and 6 on x clamped to ±7.905 (the form of
    /// Eigen's fast float tanh; x itself below 4·10⁻⁴, ±1 from 9 on): within 3·10⁻⁷ of tanh in double (test), NaN kept.
    /// Only multiply-adds and one division, so the JIT compiles it to the machine's vectors at once — libtorch's CPU tanh
    /// ran 0.5–0.65·10⁹ floats/s on two cores of the project's machine, this ~2·10⁹ (PERFORMANCE.md); .NET's own
    /// vectorised tanh (System.Numerics.Tensors) ships precompiled for older vectors and reached that speed only after
    /// seconds of tiering. Every element goes through the same vector code (the tail through a padded copy), so a value's
    /// tanh does not depend on its position: a text encodes to the same floats in any batch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tanh(Span<float> s)
    {
        var n = Vector<float>.Count;
        var i = 0;
        for (; i <= s.Length - n; i += n) TanhVector(new Vector<float>(s.Slice(i))).CopyTo(s.Slice(i));
        if (i == s.Length) return;
        Span<float> tail = stackalloc float[n];
        s[i..].CopyTo(tail);
        TanhVector(new Vector<float>(tail)).CopyTo(tail);
        tail[..(s.Length - i)].CopyTo(s[i..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector<float> TanhVector(Vector<float> v)
    {
        var clamp = new Vector<float>(7.90531110763549805f);
        var x = Vector.Min(Vector.Max(v, -clamp), clamp);
        var x2 = x * x;
        var p = Vector.FusedMultiplyAdd(x2, new Vector<float>(-2.76076847742355e-16f), new Vector<float>(2.00018790482477e-13f));
        p = Vector.FusedMultiplyAdd(p, x2, new Vector<float>(-8.60467152213735e-11f));
        p = Vector.FusedMultiplyAdd(p, x2, new Vector<float>(5.12229709037114e-08f));
        p = Vector.FusedMultiplyAdd(p, x2, new Vector<float>(1.48572235717979e-05f));
        p = Vector.FusedMultiplyAdd(p, x2, new Vector<float>(6.37261928875436e-04f));
        p = Vector.FusedMultiplyAdd(p, x2, new Vector<float>(4.89352455891786e-03f));
        var q = Vector.FusedMultiplyAdd(x2, new Vector<float>(1.19825839466702e-06f), new Vector<float>(1.18534705686654e-04f));
        q = Vector.FusedMultiplyAdd(q, x2, new Vector<float>(2.26843463243900e-03f));
        q = Vector.FusedMultiplyAdd(q, x2, new Vector<float>(4.89352518554385e-03f));
        var t = p * x / q;
        var abs = Vector.Abs(v);
        t = Vector.ConditionalSelect(Vector.LessThan(abs, new Vector<float>(4e-4f)), v, t);              // tanh x = x to float precision
        t = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(abs, new Vector<float>(9f)),              // tanh x rounds to ±1
            Vector.ConditionalSelect(Vector.LessThan(v, Vector<float>.Zero), -Vector<float>.One, Vector<float>.One), t);
        return Vector.ConditionalSelect(Vector.Equals(v, v), t, v);                                        // NaN stays NaN
    }

    /// <summary>Adam's constants for one step.</summary>
    public readonly record struct AdamStep(float Beta1, float Beta2, float Epsilon, float WeightDecay, float Lr, float Bias1, float Bias2);

    /// <summary>
    /// Adam (or SGD when <paramref name="m"/> is null) on rows <paramref name="rows"/> of w (all rows when null), with
    /// grad (rows, width) or (w's shape):
    /// g += wd·w; m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²; w −= lr·(m/c1) / (sqrt(v/c2) + ε).
    /// </summary>
    public static void Adam(Tensor w, Tensor? m, Tensor? v, Tensor grad, long[]? rows, AdamStep s)
    {
        var width = w.dim() == 2 ? (int)w.shape[1] : (int)w.numel();
        var count = rows?.LongLength ?? w.numel() / width;
        Chunks(count, 1024 / Math.Max(1, width) + 1, (from, to) =>
        {
            var W = Floats(w); var G = Floats(grad);
            var M = m is null ? default : Floats(m); var V = v is null ? default : Floats(v);
            for (var r = from; r < to; r++)
            {
                if (rows is not null && r + PrefetchRows < to) Prefetch(W, M, V, (int)(rows[r + PrefetchRows] * width), width);
                var at = (int)((rows?[r] ?? r) * width);
                var gRow = G.Slice((int)(r * width), width);
                if (m is null) SgdRow(W.Slice(at, width), gRow, s);
                else AdamRow(W.Slice(at, width), M.Slice(at, width), V.Slice(at, width), gRow, s);
            }
        });
    }

    /// <summary>How many rows ahead <see cref="Adam"/> asks for a row's w, m and v: the touched rows lie scattered over W1 (tens
    /// of MB), so each row's first cache lines are misses the hardware prefetcher cannot foresee; asking two rows ahead
    /// overlaps them with the arithmetic of the rows between (a synthetic 9,366-row update: 5.4 → 3.5 ms).</summary>
    const int PrefetchRows = 2;

    /// <summary>A hint to load a row of w, m and v (when given) into the cache; no effect on any value.</summary>
    static unsafe void Prefetch(Span<float> w, Span<float> m, Span<float> v, int at, int width)
    {
        if (!Sse.IsSupported) return;
        fixed (float* pw = w, pm = m, pv = v)
            for (var b = 0; b < width * sizeof(float); b += 64)
            {
                Sse.Prefetch0((byte*)(pw + at) + b);
                if (pm != null) Sse.Prefetch0((byte*)(pm + at) + b);
                if (pv != null) Sse.Prefetch0((byte*)(pv + at) + b);
            }
    }

    static void SgdRow(Span<float> w, ReadOnlySpan<float> g, AdamStep s)
    {
        for (var i = 0; i < w.Length; i++) w[i] -= s.Lr * (g[i] + s.WeightDecay * w[i]);
    }

    static void AdamRow(Span<float> w, Span<float> m, Span<float> v, ReadOnlySpan<float> g, AdamStep s)
    {
        float b1 = s.Beta1, b2 = s.Beta2, a1 = 1 - b1, a2 = 1 - b2, c1 = s.Bias1, c2 = s.Bias2, eps = s.Epsilon, lr = s.Lr, wd = s.WeightDecay;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var n = Vector<float>.Count;
            for (; i <= w.Length - n; i += n)
            {
                var wi = new Vector<float>(w.Slice(i));
                var gi = new Vector<float>(g.Slice(i)) + wd * wi;
                var mi = b1 * new Vector<float>(m.Slice(i)) + a1 * gi;
                var vi = b2 * new Vector<float>(v.Slice(i)) + a2 * (gi * gi);
                mi.CopyTo(m.Slice(i)); vi.CopyTo(v.Slice(i));
                (wi - lr * (mi / c1 / (Vector.SquareRoot(vi / c2) + new Vector<float>(eps)))).CopyTo(w.Slice(i));
            }
        }
        for (; i < w.Length; i++)
        {
            var gi = g[i] + wd * w[i];
            var mi = m[i] = b1 * m[i] + a1 * gi;
            var vi = v[i] = b2 * v[i] + a2 * (gi * gi);
            w[i] -= lr * (mi / c1 / (MathF.Sqrt(vi / c2) + eps));
        }
    }
}

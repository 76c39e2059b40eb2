using Dssm.Research.Data;

namespace Dssm.Research.Reporting;

/// <summary>
/// Exact t-SNE (van der Maaten &amp; Hinton, "Visualizing Data using t-SNE", JMLR 9, 2008), for looking at a few
/// thousand DSSM vectors in 2-D. O(N²) time and memory a step, in plain C#, the same numbers for the same input
/// and options on any number of threads.
/// <list type="number">
/// <item>High-dimensional affinities (§2): p<sub>j|i</sub> ∝ exp(−β<sub>i</sub>‖x<sub>i</sub> − x<sub>j</sub>‖²), with
/// β<sub>i</sub> found by bisection so that the entropy of p<sub>·|i</sub> is ln(perplexity); then
/// p<sub>ij</sub> = (p<sub>j|i</sub> + p<sub>i|j</sub>) / 2N.</item>
/// <item>Low-dimensional affinities (§3): a Student-t with one degree of freedom,
/// q<sub>ij</sub> = (1 + ‖y<sub>i</sub> − y<sub>j</sub>‖²)⁻¹ / Z.</item>
/// <item>Gradient of KL(P‖Q) (eq. 5): ∂C/∂y<sub>i</sub> = 4 Σ<sub>j</sub> (p<sub>ij</sub> − q<sub>ij</sub>)(y<sub>i</sub> − y<sub>j</sub>)(1 + ‖y<sub>i</sub> − y<sub>j</sub>‖²)⁻¹,
/// followed with momentum, per-coordinate gains (Jacobs 1988) and early exaggeration (§3.4).</item>
/// </list>
/// </summary>
public static class Tsne
{
    const double Tiny = 1e-12;   // floor of P and Q, as in the reference implementations

    /// <summary>Maps the rows (N × D, e.g. the output of <c>TrainedModel.Encode</c>) to 2-D.</summary>
    public static TsneResult Fit(IReadOnlyList<float[]> rows, TsneOptions? options = null)
    {
        options ??= new TsneOptions();
        var n = Validate(rows, options);
        var p = JointProbabilities(SquaredDistances(rows), n, options.Perplexity);
        var y = options.Init == TsneInit.Pca ? PcaStart(rows) : RandomStart(n, options.Seed);
        var learningRate = options.LearningRate ?? Math.Max(n / options.EarlyExaggeration / 4, 50);

        var update = new double[2 * n];
        var gains = new double[2 * n];
        Array.Fill(gains, 1.0);
        var grad = new double[2 * n];
        var history = new List<(int, double)>();
        var early = options.ExaggerationIterations > 0;
        var exaggerated = 0;
        for (var step = 0; step < options.Iterations; step++)
        {
            if (early && step == options.ExaggerationIterations) EndExaggeration(step);
            Gradient(p, y, n, early ? options.EarlyExaggeration : 1, grad);
            var momentum = early ? 0.5 : 0.8;
            double norm = 0;
            for (var k = 0; k < 2 * n; k++)
            {
                // Gains grow where the gradient keeps its direction against the last update, and shrink where it flips.
                gains[k] = Math.Max(update[k] * grad[k] < 0 ? gains[k] + 0.2 : gains[k] * 0.8, 0.01);
                norm += gains[k] * grad[k] * gains[k] * grad[k];
                update[k] = momentum * update[k] - learningRate * gains[k] * grad[k];
                y[k] += update[k];
            }
            if ((step + 1) % options.KlEvery == 0 || step + 1 == options.Iterations) history.Add((step + 1, KlDivergence(p, y, n)));
            if (early && (step + 1) % 50 == 0 && Math.Sqrt(norm) <= options.MinGradNorm) EndExaggeration(step + 1);
        }
        if (early) exaggerated = options.Iterations;
        var spread = Enumerable.Range(0, n).Max(i => Math.Max(Math.Abs(y[2 * i] - y[0]), Math.Abs(y[2 * i + 1] - y[1])));
        if (options.Iterations > exaggerated && !(spread > 1e-6))   // the plain phase ran and could not separate them
            throw new InvalidOperationException(
                $"t-SNE put all {n} points in one place (spread {spread:E1}): early exaggeration {options.EarlyExaggeration} at learning rate {learningRate:G4} " +
                $"pulled them together and they never came apart. Lower {nameof(TsneOptions.EarlyExaggeration)} (e.g. 4) or the learning rate, or keep {nameof(TsneOptions.MinGradNorm)} above 0");
        var kl = history.Count > 0 ? history[^1].Item2 : KlDivergence(p, y, n);

        void EndExaggeration(int at)
        {
            early = false;
            exaggerated = at;
            Array.Clear(update);        // a fresh descent, as the reference code
            Array.Fill(gains, 1.0);
        }
        return new TsneResult(
            Enumerable.Range(0, n).Select(i => y[2 * i]).ToArray(),
            Enumerable.Range(0, n).Select(i => y[2 * i + 1]).ToArray(), kl, history, exaggerated);
    }

    static int Validate(IReadOnlyList<float[]> rows, TsneOptions options)
    {
        var n = rows.Count;
        if (n < 2) throw new ArgumentException($"t-SNE needs at least 2 rows, got {n}", nameof(rows));
        if (n > options.MaxPoints)
            throw new ArgumentException($"exact t-SNE holds an N × N matrix: {n} rows is over {nameof(TsneOptions.MaxPoints)} = {options.MaxPoints}; sample the rows or raise the limit", nameof(rows));
        var d = rows[0].Length;
        for (var i = 0; i < n; i++)
        {
            if (rows[i] is null || rows[i].Length != d || d == 0)
                throw new ArgumentException($"row {i} has {rows[i]?.Length ?? 0} values; row 0 has {d} (all rows must have the same, non-zero length)", nameof(rows));
            for (var j = 0; j < d; j++)
                if (!float.IsFinite(rows[i][j])) throw new ArgumentException($"row {i}, column {j} is {rows[i][j]}: t-SNE needs finite values", nameof(rows));
        }
        if (!(options.Perplexity > 0) || options.Perplexity >= n)
            throw new ArgumentOutOfRangeException(nameof(options), options.Perplexity,
                $"perplexity must be above 0 and below the number of rows ({n}); about N/3 = {Math.Max(1, (n - 1) / 3)} or less is sensible");
        if (options.Iterations < 0 || options.ExaggerationIterations < 0 || options.KlEvery < 1 || options.EarlyExaggeration <= 0 || options.LearningRate is <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), "iterations must be ≥ 0, KlEvery ≥ 1, and the exaggeration and learning rate positive");
        return n;
    }

    /// <summary>‖x<sub>i</sub> − x<sub>j</sub>‖² for all pairs, row-major N × N.</summary>
    internal static double[] SquaredDistances(IReadOnlyList<float[]> rows)
    {
        var n = rows.Count;
        var d2 = new double[n * n];
        Parallel.For(0, n, i =>
        {
            var xi = rows[i];
            for (var j = i + 1; j < n; j++)
            {
                var xj = rows[j];
                double s = 0;
                for (var k = 0; k < xi.Length; k++) { var t = (double)xi[k] - xj[k]; s += t * t; }
                d2[i * n + j] = s;
                d2[j * n + i] = s;
            }
        });
        return d2;
    }

    /// <summary>The conditional p<sub>j|i</sub> (row i sums to 1, p<sub>i|i</sub> = 0), each row's β found by
    /// bisection on its entropy (nats) against ln(perplexity).</summary>
    internal static double[] ConditionalProbabilities(double[] d2, int n, double perplexity)
    {
        var target = Math.Log(perplexity);
        var p = new double[n * n];
        Parallel.For(0, n, i =>
        {
            var row = d2.AsSpan(i * n, n);
            var nearest = double.MaxValue;   // distances shifted by the nearest: the same distribution, no underflow to 0/0
            for (var j = 0; j < n; j++) if (j != i) nearest = Math.Min(nearest, row[j]);
            double beta = 1, lo = 0, hi = double.PositiveInfinity;
            var pi = p.AsSpan(i * n, n);
            for (var attempt = 0; attempt < 200; attempt++)
            {
                double sum = 0, weighted = 0;
                for (var j = 0; j < n; j++)
                {
                    if (j == i) { pi[j] = 0; continue; }
                    var e = Math.Exp(-(row[j] - nearest) * beta);
                    pi[j] = e;
                    sum += e;
                    weighted += (row[j] - nearest) * e;
                }
                var entropy = Math.Log(sum) + beta * weighted / sum;
                for (var j = 0; j < n; j++) pi[j] /= sum;
                if (Math.Abs(entropy - target) < 1e-5) break;
                if (entropy > target) { lo = beta; beta = double.IsPositiveInfinity(hi) ? beta * 2 : (beta + hi) / 2; }
                else { hi = beta; beta = (beta + lo) / 2; }
            }
        });
        return p;
    }

    /// <summary>p<sub>ij</sub> = (p<sub>j|i</sub> + p<sub>i|j</sub>) / 2N, floored at 1e-12: symmetric, sums to 1.</summary>
    internal static double[] JointProbabilities(double[] d2, int n, double perplexity)
    {
        var c = ConditionalProbabilities(d2, n, perplexity);
        var p = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                p[i * n + j] = i == j ? 0 : Math.Max((c[i * n + j] + c[j * n + i]) / (2.0 * n), Tiny);
        return p;
    }

    /// <summary>∂KL/∂y with P scaled by <paramref name="exaggeration"/> (eq. 5 of the paper); y and grad are
    /// interleaved (x0, y0, x1, y1, …). Rows are summed in a fixed order, so threads do not change the result.</summary>
    internal static void Gradient(double[] p, double[] y, int n, double exaggeration, double[] grad)
    {
        var rowZ = new double[n];
        Parallel.For(0, n, i =>
        {
            double s = 0;
            for (var j = 0; j < n; j++) if (j != i) s += Kernel(y, i, j);
            rowZ[i] = s;
        });
        double z = 0;
        foreach (var s in rowZ) z += s;
        Parallel.For(0, n, i =>
        {
            double gx = 0, gy = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == i) continue;
                var w = Kernel(y, i, j);                                   // (1 + ‖yi − yj‖²)⁻¹
                var f = (exaggeration * p[i * n + j] - w / z) * w;
                gx += f * (y[2 * i] - y[2 * j]);
                gy += f * (y[2 * i + 1] - y[2 * j + 1]);
            }
            grad[2 * i] = 4 * gx;
            grad[2 * i + 1] = 4 * gy;
        });
    }

    /// <summary>KL(P‖Q) = Σ p<sub>ij</sub> ln(p<sub>ij</sub> / q<sub>ij</sub>), the cost t-SNE minimises.</summary>
    internal static double KlDivergence(double[] p, double[] y, int n)
    {
        var rowZ = new double[n];
        for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) if (j != i) rowZ[i] += Kernel(y, i, j);
        var z = rowZ.Sum();
        double kl = 0;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                if (j != i) kl += p[i * n + j] * Math.Log(p[i * n + j] / Math.Max(Kernel(y, i, j) / z, Tiny));
        return kl;
    }

    static double Kernel(double[] y, int i, int j)
    {
        var dx = y[2 * i] - y[2 * j];
        var dy = y[2 * i + 1] - y[2 * j + 1];
        return 1 / (1 + dx * dx + dy * dy);
    }

    /// <summary>The rows' first two principal components (power iteration on the D × D covariance, a sign fixed
    /// by the largest entry), scaled so the first has standard deviation 1e-4.</summary>
    internal static double[] PcaStart(IReadOnlyList<float[]> rows)
    {
        int n = rows.Count, d = rows[0].Length;
        var mean = new double[d];
        foreach (var r in rows) for (var k = 0; k < d; k++) mean[k] += r[k] / (double)n;
        var cov = new double[d * d];
        foreach (var r in rows)
            for (var a = 0; a < d; a++)
            {
                var ca = r[a] - mean[a];
                for (var b = a; b < d; b++) cov[a * d + b] += ca * (r[b] - mean[b]);
            }
        for (var a = 0; a < d; a++) for (var b = 0; b < a; b++) cov[a * d + b] = cov[b * d + a];

        var components = new List<double[]>();
        for (var c = 0; c < 2; c++)
        {
            var v = new double[d];
            for (var k = 0; k < d; k++) v[k] = 1 + k * 1e-3;   // fixed start: the result depends on the data only
            for (var iter = 0; iter < 500; iter++)
            {
                var w = new double[d];
                for (var a = 0; a < d; a++) { double s = 0; for (var b = 0; b < d; b++) s += cov[a * d + b] * v[b]; w[a] = s; }
                foreach (var u in components) { var dot = Dot(w, u); for (var k = 0; k < d; k++) w[k] -= dot * u[k]; }   // deflation
                var norm = Math.Sqrt(Dot(w, w));
                if (norm == 0) break;   // fewer than two directions of variance: the axis stays at the start vector's
                for (var k = 0; k < d; k++) w[k] /= norm;
                var change = 0.0;
                for (var k = 0; k < d; k++) change = Math.Max(change, Math.Abs(w[k] - v[k]));
                v = w;
                if (change < 1e-10) break;
            }
            var largest = 0;
            for (var k = 1; k < d; k++) if (Math.Abs(v[k]) > Math.Abs(v[largest])) largest = k;
            if (v[largest] < 0) for (var k = 0; k < d; k++) v[k] = -v[k];
            components.Add(v);
        }

        var y = new double[2 * n];
        for (var i = 0; i < n; i++)
            for (var c = 0; c < 2; c++)
            {
                double s = 0;
                for (var k = 0; k < d; k++) s += (rows[i][k] - mean[k]) * components[c][k];
                y[2 * i + c] = s;
            }
        var sd = Math.Sqrt(Enumerable.Range(0, n).Select(i => y[2 * i] * y[2 * i]).Sum() / n);
        var scale = sd > 0 ? 1e-4 / sd : 1;
        for (var k = 0; k < 2 * n; k++) y[k] *= scale;
        return y;
    }

    static double[] RandomStart(int n, long seed)
    {
        var rng = Rng.For(seed, 0x75E, 0);
        var y = new double[2 * n];
        for (var k = 0; k < 2 * n; k++)
        {
            // Box–Muller: a standard normal from two uniforms, scaled to 1e-4.
            var u = 1 - rng.NextDouble();
            y[k] = 1e-4 * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * rng.NextDouble());
        }
        return y;
    }

    static double Dot(double[] a, double[] b) { double s = 0; for (var k = 0; k < a.Length; k++) s += a[k] * b[k]; return s; }
}

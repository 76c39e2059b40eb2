using Dssm.Research.Reporting;

namespace Dssm.Research.Tests.Reporting;

public class TsneTests
{
    /// <summary>k clusters of m points in D dimensions: centres 10 apart on the axes, unit Gaussian noise.</summary>
    static (List<float[]> Rows, int[] Labels) Clusters(int k, int m, int d, int seed)
    {
        var rng = new Random(seed);
        var rows = new List<float[]>();
        var labels = new List<int>();
        for (var c = 0; c < k; c++)
            for (var i = 0; i < m; i++)
            {
                var x = new float[d];
                for (var j = 0; j < d; j++)
                {
                    var normal = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                    x[j] = (float)((j == c ? 10 : 0) + normal);
                }
                rows.Add(x);
                labels.Add(c);
            }
        return (rows, labels.ToArray());
    }

    [Fact]
    public void Clusters_apart_in_20_d_stay_apart_in_2_d_and_the_kl_divergence_falls()
    {
        var (rows, labels) = Clusters(3, 40, 20, seed: 1);
        var map = Tsne.Fit(rows, new TsneOptions { Perplexity = 15, Iterations = 500 });

        // Every point's nearest neighbour on the map is from its own cluster.
        var n = rows.Count;
        var agree = 0;
        for (var i = 0; i < n; i++)
        {
            var nearest = Enumerable.Range(0, n).Where(j => j != i)
                .MinBy(j => Math.Pow(map.X[i] - map.X[j], 2) + Math.Pow(map.Y[i] - map.Y[j], 2));
            if (labels[nearest] == labels[i]) agree++;
        }
        Assert.Equal(n, agree);

        // And the clusters are well apart: the closest two centres are farther than 3× the largest cluster radius.
        var centres = Enumerable.Range(0, 3).Select(c =>
        {
            var idx = Enumerable.Range(0, n).Where(i => labels[i] == c).ToList();
            return (X: idx.Average(i => map.X[i]), Y: idx.Average(i => map.Y[i]));
        }).ToList();
        var radius = Enumerable.Range(0, n).Max(i => Math.Sqrt(Math.Pow(map.X[i] - centres[labels[i]].X, 2) + Math.Pow(map.Y[i] - centres[labels[i]].Y, 2)));
        var closest = new[] { (0, 1), (0, 2), (1, 2) }.Min(p => Math.Sqrt(Math.Pow(centres[p.Item1].X - centres[p.Item2].X, 2) + Math.Pow(centres[p.Item1].Y - centres[p.Item2].Y, 2)));
        Assert.True(closest > 3 * radius, $"closest centres {closest:F2} apart, largest radius {radius:F2}");

        Assert.Equal(10, map.KlHistory.Count);                      // every 50 steps of 500
        Assert.Equal(250, map.ExaggeratedSteps);
        Assert.Equal(map.KlDivergence, map.KlHistory[^1].Kl);
        Assert.True(map.KlHistory[^1].Kl < map.KlHistory[4].Kl, string.Join(", ", map.KlHistory));   // the fine layout lowers the cost
        Assert.InRange(map.KlDivergence, 0, 2);
    }

    [Fact]
    public void Each_rows_conditional_distribution_has_the_asked_perplexity()
    {
        var (rows, _) = Clusters(2, 30, 8, seed: 2);
        var n = rows.Count;
        var p = Tsne.ConditionalProbabilities(Tsne.SquaredDistances(rows), n, perplexity: 10);
        for (var i = 0; i < n; i++)
        {
            var row = Enumerable.Range(0, n).Select(j => p[i * n + j]).ToArray();
            Assert.Equal(0, row[i]);
            Assert.Equal(1, row.Sum(), 9);
            var entropy = -row.Where(v => v > 0).Sum(v => v * Math.Log(v));
            Assert.Equal(10, Math.Exp(entropy), 3);                 // 2^H in bits = e^H in nats
        }
        var joint = Tsne.JointProbabilities(Tsne.SquaredDistances(rows), n, 10);
        Assert.Equal(1, joint.Sum(), 6);
        for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) Assert.Equal(joint[i * n + j], joint[j * n + i]);
    }

    [Fact]
    public void The_gradient_is_the_derivative_of_the_kl_divergence()
    {
        var (rows, _) = Clusters(2, 6, 5, seed: 3);
        var n = rows.Count;
        var p = Tsne.JointProbabilities(Tsne.SquaredDistances(rows), n, 4);
        var rng = new Random(4);
        var y = Enumerable.Range(0, 2 * n).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
        var grad = new double[2 * n];
        Tsne.Gradient(p, y, n, exaggeration: 1, grad);
        const double h = 1e-6;
        for (var k = 0; k < 2 * n; k++)
        {
            var saved = y[k];
            y[k] = saved + h; var up = Tsne.KlDivergence(p, y, n);
            y[k] = saved - h; var down = Tsne.KlDivergence(p, y, n);
            y[k] = saved;
            Assert.Equal((up - down) / (2 * h), grad[k], 6);
        }
    }

    [Fact]
    public void The_same_input_gives_the_same_map_and_only_a_random_start_depends_on_the_seed()
    {
        var (rows, _) = Clusters(3, 15, 6, seed: 5);
        TsneResult Run(TsneInit init, long seed) => Tsne.Fit(rows, new TsneOptions { Perplexity = 8, Iterations = 300, Init = init, Seed = seed });
        var a = Run(TsneInit.Pca, 1);
        Assert.Equal(a.X, Run(TsneInit.Pca, 1).X);
        Assert.Equal(a.X, Run(TsneInit.Pca, 2).X);                   // PCA start: no randomness
        var r1 = Run(TsneInit.Random, 1);
        Assert.Equal(r1.Y, Run(TsneInit.Random, 1).Y);
        Assert.NotEqual(r1.Y, Run(TsneInit.Random, 2).Y);
    }

    [Fact]
    public void The_pca_start_lays_out_the_direction_of_most_variance_first()
    {
        // Points along t·e₁ with a little spread along e₂: the start's first coordinate is t (up to sign and scale).
        var rng = new Random(6);
        var t = Enumerable.Range(0, 50).Select(_ => rng.NextDouble() * 10).ToArray();
        var rows = t.Select(v => new[] { (float)v, (float)(rng.NextDouble() * 0.5), 1f, 2f }).ToList();
        var y = Tsne.PcaStart(rows);
        var first = Enumerable.Range(0, 50).Select(i => y[2 * i]).ToArray();
        Assert.True(Math.Abs(Correlation(first, t)) > 0.9999);
        Assert.Equal(1e-4, Math.Sqrt(first.Sum(v => v * v) / 50), 10);
    }

    [Fact]
    public void When_exaggeration_pulls_every_point_into_one_the_plain_phase_spreads_them_again_or_the_fit_says_so()
    {
        // Points spread evenly over a sphere in 64-D: a neighbour graph with no clusters, well connected. At a step of
        // N / (4·exaggeration) each exaggerated step moves a point onto its neighbours' mean, so all points meet
        // (seen with 2,320 trained DSSM document vectors at scikit-learn's default step).
        var rng = new Random(7);
        var rows = Enumerable.Range(0, 240).Select(_ =>
        {
            var x = Enumerable.Range(0, 64).Select(_ => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble())).ToArray();
            var norm = Math.Sqrt(x.Sum(v => v * v));
            return x.Select(v => (float)(v / norm)).ToArray();
        }).ToList();
        var options = new TsneOptions { Iterations = 400, LearningRate = 240 / 12.0 / 4 };

        var collapsed = Assert.Throws<InvalidOperationException>(() => Tsne.Fit(rows, options with { MinGradNorm = 0 }));
        Assert.Contains("put all 240 points in one place", collapsed.Message);
        Assert.Contains("Lower EarlyExaggeration", collapsed.Message);

        var map = Tsne.Fit(rows, options);                       // the gradient-norm check ends the exaggeration
        Assert.Equal(50, map.ExaggeratedSteps);
        Assert.True(map.X.Max() - map.X.Min() > 1, $"x from {map.X.Min()} to {map.X.Max()}");
        Assert.True(map.KlHistory[^1].Kl < map.KlHistory[0].Kl, string.Join(", ", map.KlHistory));
    }

    [Fact]
    public void Bad_input_is_refused_naming_the_row_or_the_option()
    {
        var good = Enumerable.Range(0, 10).Select(i => new float[] { i, 2 * i }).ToList();
        Assert.Contains("row 3 has 1 values; row 0 has 2", Assert.Throws<ArgumentException>(() =>
            Tsne.Fit(good.Select((r, i) => i == 3 ? new float[] { 1 } : r).ToList())).Message);
        Assert.Contains("row 4, column 1 is NaN", Assert.Throws<ArgumentException>(() =>
            Tsne.Fit(good.Select((r, i) => i == 4 ? new[] { 1f, float.NaN } : r).ToList())).Message);
        Assert.Contains("below the number of rows (10)", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Tsne.Fit(good, new TsneOptions { Perplexity = 10 })).Message);
        Assert.Contains("over MaxPoints = 5", Assert.Throws<ArgumentException>(() =>
            Tsne.Fit(good, new TsneOptions { Perplexity = 2, MaxPoints = 5 })).Message);
        Assert.Contains("at least 2 rows", Assert.Throws<ArgumentException>(() => Tsne.Fit(good.Take(1).ToList())).Message);
    }

    static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average();
        var cov = a.Zip(b).Sum(p => (p.First - ma) * (p.Second - mb));
        return cov / Math.Sqrt(a.Sum(v => (v - ma) * (v - ma)) * b.Sum(v => (v - mb) * (v - mb)));
    }
}

namespace Dssm.Research.Reporting;

/// <summary>
/// Options of <see cref="Tsne"/>. The defaults are those of van der Maaten &amp; Hinton (JMLR 2008) and scikit-learn:
/// perplexity 30, 1,000 steps of which the first 250 exaggerate P by 12 with momentum 0.5, then momentum 0.8.
/// </summary>
public sealed record TsneOptions
{
    /// <summary>The effective number of neighbours each point's P<sub>j|i</sub> spreads over: 2^H(P<sub>i</sub>).
    /// Must be below the number of points; 5–50 is the usual range.</summary>
    public double Perplexity { get; init; } = 30;

    /// <summary>Gradient steps in all, exaggerated ones included.</summary>
    public int Iterations { get; init; } = 1000;

    /// <summary>P is multiplied by this for the first <see cref="ExaggerationIterations"/> steps, so that clusters
    /// form tight and far apart before the fine layout.</summary>
    public double EarlyExaggeration { get; init; } = 12;

    public int ExaggerationIterations { get; init; } = 250;

    /// <summary>Null: max(N / exaggeration / 4, 50) (Belkina et al. 2019; scikit-learn's "auto").</summary>
    public double? LearningRate { get; init; }

    public TsneInit Init { get; init; } = TsneInit.Pca;

    /// <summary>Used by <see cref="TsneInit.Random"/> only; the PCA start has no randomness.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>The KL divergence is recorded every this many steps (and after the last), for a convergence plot.</summary>
    public int KlEvery { get; init; } = 50;

    /// <summary>Every 50 steps of the exaggerated phase, a gradient norm at or below this ends the phase early, as in
    /// scikit-learn: on data whose neighbour graph is well connected, exaggeration pulls every point into one and the
    /// gradient vanishes; the plain phase then spreads them out again from there. 0 turns the check off.</summary>
    public double MinGradNorm { get; init; } = 1e-7;

    /// <summary>Exact t-SNE holds an N × N matrix: refused above this many points (8 bytes × N² of memory).</summary>
    public int MaxPoints { get; init; } = 10_000;
}

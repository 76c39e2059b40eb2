namespace Dssm.Research.Models;

/// <summary>
/// Shape of the DSSM towers. Defaults are the paper's: word hashing → 300 → 300 → 128, tanh
/// (Huang et al. 2013, §3.1 and Table 2, L-WH DNN), separate query and document towers.
/// </summary>
public sealed record DssmOptions
{
    /// <summary>Hidden layer sizes after the hashed input layer; the first entry is the input layer's width.</summary>
    public IReadOnlyList<int> Hidden { get; init; } = new[] { 300, 300 };

    /// <summary>Size of the semantic vector y (the last layer).</summary>
    public int Output { get; init; } = 128;

    public Activation Activation { get; init; } = Activation.Tanh;

    /// <summary>One tower for both sides (a siamese model) instead of the paper's two.</summary>
    public bool SharedTowers { get; init; }

    /// <summary>
    /// Update only the input-layer rows a batch touches (lazy Adam / SGD on gathered rows) instead of a dense
    /// gradient over all ~30K rows. Same arithmetic on touched rows; see <c>Training/Optimizer</c> and <c>Runtime/CpuKernels</c>.
    /// </summary>
    public bool LazyInputLayer { get; init; } = true;

    /// <summary>CDSSM only: words per convolution window (Shen et al. 2014 use 3).</summary>
    public int Window { get; init; } = 3;

    /// <summary>CDSSM only: convolution (and max-pooling) width (Shen et al. 2014 use 300).</summary>
    public int Convolution { get; init; } = 300;
}

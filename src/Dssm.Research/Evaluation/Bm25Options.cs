namespace Dssm.Research.Evaluation;

/// <summary>
/// BM25's free parameters. The defaults k1 = 0.9, b = 0.4 are Anserini/Pyserini's, the settings behind the
/// published BM25 baselines on BEIR and MS MARCO — so a BM25 row here is comparable with those tables.
/// Lucene's and Elasticsearch's own defaults are k1 = 1.2, b = 0.75 (<c>Bm25Options.Lucene</c>).
/// </summary>
/// <param name="K1">Term-frequency saturation (≥ 0): 0 ignores tf, large values make it linear.</param>
/// <param name="B">Document-length normalisation in [0, 1]: 0 none, 1 full.</param>
public sealed record Bm25Options(double K1 = 0.9, double B = 0.4)
{
    /// <summary>Lucene's / Elasticsearch's defaults, k1 = 1.2, b = 0.75.</summary>
    public static readonly Bm25Options Lucene = new(1.2, 0.75);

    internal void Validate()
    {
        if (!(K1 >= 0) || double.IsInfinity(K1)) throw new ArgumentOutOfRangeException(nameof(K1), K1, "BM25 k1 must be a finite number ≥ 0");
        if (!(B is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(B), B, "BM25 b must lie in [0, 1]");
    }
}

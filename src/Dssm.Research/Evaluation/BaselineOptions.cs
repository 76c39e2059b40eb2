namespace Dssm.Research.Evaluation;

/// <summary>How <c>Baselines.Run</c> ranks: which model, its parameters, and how deep.</summary>
/// <param name="Kind">BM25 or TF-IDF.</param>
/// <param name="Depth">Documents kept per query in full-corpus search (trec_eval's usual 1000).</param>
/// <param name="Bm25">BM25 parameters (used when <paramref name="Kind"/> is BM25).</param>
/// <param name="TfIdf">TF-IDF weighting (used when <paramref name="Kind"/> is TF-IDF).</param>
public sealed record BaselineOptions(
    BaselineKind Kind = BaselineKind.Bm25,
    int Depth = 1000,
    Bm25Options? Bm25 = null,
    TfIdfOptions? TfIdf = null)
{
    /// <summary>Parses <c>bm25</c> or <c>tfidf</c> (also <c>tf-idf</c>), case-insensitively.</summary>
    public static BaselineKind ParseKind(string name) => name.Trim().ToLowerInvariant() switch
    {
        "bm25" => BaselineKind.Bm25,
        "tfidf" or "tf-idf" => BaselineKind.TfIdf,
        _ => throw new FormatException($"unknown baseline '{name}'; expected bm25 or tfidf"),
    };
}

using Dssm.Research.Text;

namespace Dssm.Research.Evaluation;

/// <summary>How <c>Baselines.Run</c> ranks: which model, its parameters, how deep, and how text becomes terms.</summary>
/// <param name="Kind">BM25 or TF-IDF.</param>
/// <param name="Depth">Documents kept per query in full-corpus search (trec_eval's usual 1000).</param>
/// <param name="Bm25">BM25 parameters (used when <paramref name="Kind"/> is BM25).</param>
/// <param name="TfIdf">TF-IDF weighting (used when <paramref name="Kind"/> is TF-IDF).</param>
/// <param name="Analyzer">
/// The analysis of queries and documents. The default, <see cref="AnalyzerKind.Lucene"/>, is Anserini's English
/// analysis (stop words, Porter stemming) with Han bigrams for Chinese: BM25 as the published baselines compute it.
/// <see cref="AnalyzerKind.Plain"/> keeps the words of <paramref name="PlainTokenizer"/> unstemmed (the kit's
/// BM25 before it had analyzers).
/// </param>
/// <param name="PlainTokenizer">The tokenizer whose words <see cref="AnalyzerKind.Plain"/> indexes (ignored by the other analyzers).</param>
public sealed record BaselineOptions(
    BaselineKind Kind = BaselineKind.Bm25,
    int Depth = 1000,
    Bm25Options? Bm25 = null,
    TfIdfOptions? TfIdf = null,
    AnalyzerKind Analyzer = AnalyzerFactory.Default,
    TokenizerKind PlainTokenizer = TokenizerKind.Mixed)
{
    /// <summary>Parses <c>bm25</c> or <c>tfidf</c> (also <c>tf-idf</c>), case-insensitively.</summary>
    public static BaselineKind ParseKind(string name) => name.Trim().ToLowerInvariant() switch
    {
        "bm25" => BaselineKind.Bm25,
        "tfidf" or "tf-idf" => BaselineKind.TfIdf,
        _ => throw new FormatException($"unknown baseline '{name}'; expected bm25 or tfidf"),
    };

    /// <summary>The analysis as reports name it: the analyzer's name, and for <c>plain</c> its tokenizer (<c>plain:mixed</c>).</summary>
    public string Analysis => Analyzer == AnalyzerKind.Plain
        ? $"plain:{TokenizerFactory.NameOf(PlainTokenizer)}"
        : AnalyzerFactory.NameOf(Analyzer);

    /// <summary>The system's name in reports and run files: <c>bm25(lucene)</c>, <c>tfidf(plain:mixed)</c>.</summary>
    public string SystemName => $"{Kind.ToString().ToLowerInvariant()}({Analysis})";

    /// <summary>The analyzer of <see cref="Analyzer"/> (shared, thread-safe).</summary>
    public ITokenizer CreateAnalyzer() => AnalyzerFactory.Create(Analyzer, PlainTokenizer);
}

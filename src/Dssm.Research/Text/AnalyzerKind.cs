namespace Dssm.Research.Text;

/// <summary>
/// The analyzers of the lexical baselines (BM25, TF-IDF): how a text becomes index terms. An analyzer is a
/// tokenizer for the lexical models only — the DSSM keeps its own tokenizer (<see cref="TokenizerKind"/>),
/// whose words it cuts into letter trigrams, so it needs neither stemming nor stop words.
/// <see cref="AnalyzerFactory.Parse"/> reads <c>mixed | english | smartcn | cjk | plain</c>.
/// </summary>
public enum AnalyzerKind
{
    /// <summary>
    /// The default: Chinese (Han) runs segmented by jieba, everything else by <see cref="English"/>. On text
    /// without Han characters it is exactly <see cref="English"/>; see <see cref="MixedAnalyzer"/> for why
    /// jieba and not SmartCn.
    /// </summary>
    Mixed,
    /// <summary>
    /// Anserini's default English analysis (its <c>DefaultEnglishAnalyzer</c>), which is Lucene's
    /// <c>EnglishAnalyzer</c>: StandardTokenizer → possessive 's removed → lower-case → Lucene's 33 English stop
    /// words → Porter stemmer. Han characters become one token each (StandardTokenizer's UAX #29 rule).
    /// </summary>
    English,
    /// <summary>Lucene's <c>SmartChineseAnalyzer</c>: HMM word segmentation, Porter stemming of Latin words, no English stop words.</summary>
    SmartCn,
    /// <summary>Lucene's <c>CJKAnalyzer</c>: overlapping Han bigrams, Latin words lower-cased, English stop words (Anserini's <c>-language zh</c>).</summary>
    Cjk,
    /// <summary>The words of a kit tokenizer (<see cref="TokenizerKind"/>; the DSSM's own), no stemming, no stop words.</summary>
    Plain,
}

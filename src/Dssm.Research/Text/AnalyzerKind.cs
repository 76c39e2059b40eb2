namespace Dssm.Research.Text;

/// <summary>
/// The analyzers of the lexical baselines (BM25, TF-IDF): how a text becomes index terms. An analyzer is a
/// tokenizer for the lexical models only — the DSSM keeps its own tokenizer (<see cref="TokenizerKind"/>),
/// whose words it cuts into letter trigrams, so it needs neither stemming nor stop words.
/// <see cref="AnalyzerFactory.Parse"/> reads <c>lucene | lucene-jieba | english | smartcn | cjk | plain</c>.
/// </summary>
public enum AnalyzerKind
{
    /// <summary>
    /// The default: Anserini's analysis of English and of Chinese in one Lucene chain. Latin text as
    /// <see cref="English"/> (stop words, Porter stemming); Han characters as overlapping bigrams, as Lucene's
    /// <c>CJKAnalyzer</c> makes them (Anserini's <c>-language zh</c>). On text without Han characters it gives
    /// exactly <see cref="English"/>'s terms, except that full-width Latin letters are folded (ＡＢＣ → abc).
    /// </summary>
    Lucene,
    /// <summary>As <see cref="Lucene"/>, with each run of Han characters cut into words by jieba (the DSSM's Chinese segmenter).</summary>
    LuceneJieba,
    /// <summary>
    /// Anserini's default English analysis (its <c>DefaultEnglishAnalyzer</c>), which is Lucene's
    /// <c>EnglishAnalyzer</c>: StandardTokenizer → possessive 's removed → lower-case → Lucene's 33 English stop
    /// words → Porter stemmer. Han characters become one token each (StandardTokenizer's UAX #29 rule).
    /// </summary>
    English,
    /// <summary>Lucene's <c>SmartChineseAnalyzer</c>: HMM word segmentation, Porter stemming of Latin words, no English stop words.</summary>
    SmartCn,
    /// <summary>Lucene's <c>CJKAnalyzer</c>: overlapping Han bigrams, Latin words lower-cased but not stemmed, English stop words.</summary>
    Cjk,
    /// <summary>The words of a kit tokenizer (<see cref="TokenizerKind"/>; the DSSM's own), no stemming, no stop words.</summary>
    Plain,
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Dssm.Research.Text;

/// <summary>Creates an analyzer from its <see cref="AnalyzerKind"/> or its name in a config or on the command line.</summary>
/// <remarks>
/// <para>
/// <see cref="AnalyzerKind.English"/> is Lucene 4.8's <c>EnglishAnalyzer</c> (Lucene.Net 4.8.0-beta00017). Anserini's
/// default (<c>DefaultEnglishAnalyzer.newDefaultInstance()</c>, castorini/anserini,
/// <c>src/main/java/io/anserini/analysis/DefaultEnglishAnalyzer.java</c>) builds StandardTokenizer →
/// EnglishPossessiveFilter → LowerCaseFilter → StopFilter(<c>EnglishAnalyzer.ENGLISH_STOP_WORDS_SET</c>) →
/// PorterStemFilter; Lucene's <c>EnglishAnalyzer</c> is the same chain with a <c>StandardFilter</c> after the
/// tokenizer (a no-op since Lucene 3.1), so both give the same terms. The stop set is Lucene's 33 words: a an
/// and are as at be but by for if in into is it no not of on or such that the their then there these they this
/// to was will with. Anserini indexes Chinese (<c>-language zh</c>) with Lucene's <c>CJKAnalyzer</c>: overlapping
/// bigrams of Han characters.
/// </para>
/// <para>
/// <see cref="AnalyzerKind.Lucene"/> joins the two in one chain: StandardTokenizer → EnglishPossessiveFilter →
/// CJKWidthFilter (full-width Latin to ASCII, as CJKAnalyzer does) → CJKBigramFilter (Han only: adjacent Han
/// characters become bigrams, a lone one stays a unigram) → LowerCaseFilter → StopFilter → PorterStemFilter
/// (which leaves Han terms alone: no English suffix matches them).
/// </para>
/// The analyzers are created once and shared: they are thread-safe (<see cref="LuceneTokenizer"/>).
/// </remarks>
public static class AnalyzerFactory
{
    const LuceneVersion Version = LuceneVersion.LUCENE_48;

    static readonly Lazy<LuceneTokenizer> Lucene = new(() => new(Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream terms = new EnglishPossessiveFilter(Version, source);
        terms = new CJKWidthFilter(terms);
        terms = new CJKBigramFilter(terms, CJKScript.HAN);
        terms = new LowerCaseFilter(Version, terms);
        terms = new StopFilter(Version, terms, EnglishAnalyzer.DefaultStopSet);
        terms = new PorterStemFilter(terms);
        return new TokenStreamComponents(source, terms);
    })));
    static readonly Lazy<LuceneTokenizer> English = new(() => new(new EnglishAnalyzer(Version)));
    static readonly Lazy<LuceneJiebaAnalyzer> LuceneJieba = new(() => new(English.Value));
    static readonly Lazy<LuceneTokenizer> SmartCn = new(() => new(new SmartChineseAnalyzer(Version)));
    static readonly Lazy<LuceneTokenizer> Cjk = new(() => new(new CJKAnalyzer(Version)));

    /// <summary>The default of every lexical baseline.</summary>
    public const AnalyzerKind Default = AnalyzerKind.Lucene;

    /// <summary>The names <see cref="Parse"/> accepts, in <see cref="AnalyzerKind"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["lucene", "lucene-jieba", "english", "smartcn", "cjk", "plain"];

    /// <summary>
    /// The analyzer of the given kind; <paramref name="plainWords"/> is the tokenizer whose words
    /// <see cref="AnalyzerKind.Plain"/> keeps (the DSSM's, when a baseline is compared with one).
    /// </summary>
    public static ITokenizer Create(AnalyzerKind kind, TokenizerKind plainWords = TokenizerKind.Mixed) => kind switch
    {
        AnalyzerKind.Lucene => Lucene.Value,
        AnalyzerKind.LuceneJieba => LuceneJieba.Value,
        AnalyzerKind.English => English.Value,
        AnalyzerKind.SmartCn => SmartCn.Value,
        AnalyzerKind.Cjk => Cjk.Value,
        AnalyzerKind.Plain => TokenizerFactory.Create(plainWords),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analyzer kind."),
    };

    /// <summary>Reads <c>lucene | lucene-jieba | english | smartcn | cjk | plain</c> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Any other name; the message lists the accepted ones.</exception>
    public static AnalyzerKind Parse(string name)
    {
        var index = Names.ToList().FindIndex(n => string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index < 0)
            throw new ArgumentException($"--analyzer: unknown analyzer '{name}'; expected one of: {string.Join(", ", Names)}");
        return (AnalyzerKind)index;
    }

    /// <summary>The name of <paramref name="kind"/> as <see cref="Parse"/> reads it.</summary>
    public static string NameOf(AnalyzerKind kind) => Names[(int)kind];
}

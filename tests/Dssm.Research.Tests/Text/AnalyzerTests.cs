using Dssm.Research.Text;

namespace Dssm.Research.Tests.Text;

/// <summary>
/// The lexical baselines' analyzers, on worked examples derived by hand from StandardTokenizer's word rules
/// (UAX #29), Lucene's 33 English stop words and Porter's rules (Porter 1980, steps 1a–5).
/// </summary>
public class AnalyzerTests
{
    static IReadOnlyList<string> Terms(AnalyzerKind kind, string text) => AnalyzerFactory.Create(kind).Tokenize(text);

    [Theory]
    [InlineData(AnalyzerKind.English)]
    [InlineData(AnalyzerKind.Lucene)]
    [InlineData(AnalyzerKind.LuceneJieba)]
    public void English_text_is_stemmed_and_loses_its_stop_words(AnalyzerKind kind)
    {
        // Words: The, Running, dogs, files (the apostrophe after "dogs" has no letter after it: a separator).
        // "the" is a stop word. running: step 1b drops -ing (the stem "runn" has a vowel), then the double n
        // is undoubled → run. dogs: step 1a s → dog. files: 1a → file; step 5a keeps the e, as m("fil") = 1 and
        // f-i-l is consonant-vowel-consonant (*o).
        Assert.Equal(["run", "dog", "file"], Terms(kind, "The Running dogs' files"));
        // John's: the possessive 's goes (EnglishPossessiveFilter). caresses: 1a sses → ss. ponies: 1a ies → i.
        Assert.Equal(["john", "caress", "poni"], Terms(kind, "John's caresses ponies"));
        // relational: step 2 ational → ate (m("rel") > 0) → relate; step 5a drops the e (m("relat") = 2).
        // hopping: 1b -ing, undouble pp → hop. happy: 1c y → i (the stem "happ" has a vowel).
        Assert.Equal(["relat", "hop", "happi"], Terms(kind, "relational hopping happy"));
    }

    [Fact]
    public void Lucene_stop_words_are_dropped_and_a_stem_without_a_vowel_keeps_its_ing()
    {
        // this, is, not, such, a: all five in Lucene's English stop set. thing: 1b would drop -ing only if
        // "th" had a vowel; it has none, so "thing" stays.
        Assert.Equal(["thing"], Terms(AnalyzerKind.English, "This is not such a thing"));
        // The plain analyzer keeps every word as the DSSM's tokenizer splits it.
        Assert.Equal(["this", "is", "not", "such", "a", "thing"], Terms(AnalyzerKind.Plain, "This is not such a thing"));
    }

    [Fact]
    public void Lucene_analysis_makes_Han_bigrams_and_folds_full_width_letters()
    {
        // Each Han character is a StandardTokenizer token; adjacent ones become overlapping bigrams.
        Assert.Equal(["我来", "来到", "到北", "北京"], Terms(AnalyzerKind.Lucene, "我来到北京"));
        // 用 stands alone between the text's start and DSSM: a unigram. 做语义搜索 → four bigrams.
        Assert.Equal(["用", "dssm", "做语", "语义", "义搜", "搜索"], Terms(AnalyzerKind.Lucene, "用DSSM做语义搜索"));
        // Ｒｕｎｎｉｎｇ: full-width letters folded to ASCII (CJKWidthFilter), then stemmed as "running".
        Assert.Equal(["run"], Terms(AnalyzerKind.Lucene, "Ｒｕｎｎｉｎｇ"));
        // The English analyzer keeps the Han characters one by one.
        Assert.Equal(["我", "来", "到"], Terms(AnalyzerKind.English, "我来到"));
    }

    [Fact]
    public void Lucene_jieba_cuts_Han_runs_into_words_and_stems_the_rest()
    {
        // jieba's own README example: 我来到北京清华大学 → 我 / 来到 / 北京 / 清华大学.
        Assert.Equal(["run", "dog", "我", "来到", "北京", "清华大学"], Terms(AnalyzerKind.LuceneJieba, "running dogs，我来到北京清华大学。"));
    }

    [Theory]
    [InlineData(AnalyzerKind.Lucene)]
    [InlineData(AnalyzerKind.LuceneJieba)]
    [InlineData(AnalyzerKind.English)]
    [InlineData(AnalyzerKind.SmartCn)]
    [InlineData(AnalyzerKind.Cjk)]
    public void One_analyzer_gives_the_same_terms_on_many_threads(AnalyzerKind kind)
    {
        var analyzer = AnalyzerFactory.Create(kind);
        string[] texts =
        [
            "The Running dogs' files", "John's caresses ponies", "用DSSM做语义搜索 of running dogs", "我来到北京清华大学",
            "relational hopping happy things", "open and possibly create a file", "列出目录内容 with sorted entries",
        ];
        var texts200 = Enumerable.Range(0, 200).Select(i => texts[i % texts.Length] + " " + texts[(i * 3 + 1) % texts.Length]).ToArray();
        var expected = texts200.Select(t => string.Join(' ', analyzer.Tokenize(t))).ToArray();
        const int threads = 8;
        var start = new Barrier(threads);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var buffer = new TokenBuffer();
            start.SignalAndWait();
            for (var round = 0; round < 20; round++)
                for (var i = 0; i < texts200.Length; i++)
                {
                    var j = (i + t * 37) % texts200.Length;   // each thread in its own order
                    string got;
                    try { analyzer.Tokenize(texts200[j], buffer); got = string.Join(' ', buffer.ToArray()); }
                    catch (Exception e) { got = e.GetType().Name; }   // a thread's exception would end the test host, not fail the test
                    if (got != expected[j]) failures.Add($"thread {t}, text {j}: [{got}] vs [{expected[j]}]");
                }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        Assert.Empty(failures);
        Assert.All(expected, e => Assert.NotEqual("", e));
    }

    [Fact]
    public void Names_parse_and_an_unknown_name_is_one_clear_error()
    {
        Assert.Equal(AnalyzerKind.Lucene, AnalyzerFactory.Default);
        foreach (var name in AnalyzerFactory.Names) Assert.Equal(name, AnalyzerFactory.NameOf(AnalyzerFactory.Parse(name.ToUpperInvariant())));
        var e = Assert.Throws<ArgumentException>(() => AnalyzerFactory.Parse("nosuch"));
        Assert.Equal("--analyzer: unknown analyzer 'nosuch'; expected one of: lucene, lucene-jieba, english, smartcn, cjk, plain", e.Message);
    }
}

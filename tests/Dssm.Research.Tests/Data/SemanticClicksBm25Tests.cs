using Dssm.Research.Data;
using Xunit.Abstractions;

namespace Dssm.Research.Tests.Data;

/// <summary>The embedded dataset must defeat lexical matching (the paper's premise) yet carry a learnable signal.</summary>
public sealed class SemanticClicksBm25Tests(ITestOutputHelper output)
{
    [Fact]
    public void Bm25_is_poor_on_the_test_split()
    {
        var ds = SyntheticClicks.Generate();
        var bm25 = new SimpleBm25(ds.Documents);
        var (ndcg, mrr) = SimpleBm25.Evaluate(q => bm25.Search(q, 10), ds.Queries, ds.Qrels("test"));
        output.WriteLine($"BM25 test NDCG@10 = {ndcg:F3}, MRR@10 = {mrr:F3}");
        foreach (var lang in new[] { "en", "zh" })
        {
            var part = new Dssm.Research.Ranking.Qrels();
            foreach (var q in ds.Qrels("test").QueryIds.Where(q => q.StartsWith(lang)))
                foreach (var (d, r) in ds.Qrels("test").For(q)) part.Add(q, d, r);
            var (n2, m2) = SimpleBm25.Evaluate(q => bm25.Search(q, 10), ds.Queries, part);
            output.WriteLine($"  {lang}: NDCG@10 = {n2:F3}, MRR@10 = {m2:F3}");
        }
        Assert.True(ndcg < 0.35, $"BM25 NDCG@10 {ndcg:F3} is not well below 0.5");
        Assert.Equal(SyntheticClicksReadme.Bm25TestNdcg10, ndcg.ToString("F3", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(SyntheticClicksReadme.Bm25TestMrr10, mrr.ToString("F3", System.Globalization.CultureInfo.InvariantCulture));
        var (learned, _) = SimpleBm25.Evaluate(new ClickTranslationModel(ds).Ranker(10), ds.Queries, ds.Qrels("test"));
        output.WriteLine($"click-translation baseline test NDCG@10 = {learned:F3}");
        Assert.True(learned > ndcg + 0.3, $"a model that learns word associations from the train clicks reaches only {learned:F3}");
        Assert.Equal(SyntheticClicksReadme.TranslationTestNdcg10, learned.ToString("F3", System.Globalization.CultureInfo.InvariantCulture));
    }
}

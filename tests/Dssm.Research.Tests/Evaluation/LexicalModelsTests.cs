using Dssm.Research.Evaluation;
using Dssm.Research.Ranking;

namespace Dssm.Research.Tests.Evaluation;

public class LexicalModelsTests
{
    // d1 "a b a" (|d| 3), d2 "b c" (2), d3 "c c c d" (4): N = 3, avgdl = 3; query "a c".
    static readonly (string, IReadOnlyList<string>)[] Corpus =
    [
        ("d1", ["a", "b", "a"]),
        ("d2", ["b", "c"]),
        ("d3", ["c", "c", "c", "d"]),
    ];
    static readonly string[] Query = ["a", "c"];

    [Fact]
    public void Bm25_matches_a_hand_computation()
    {
        var bm25 = new Bm25(Corpus);                                   // k1 = 0.9, b = 0.4
        // idf(a) = ln(1 + (3 − 1 + .5)/(1 + .5)) = ln(8/3); idf(c) = ln(1 + 1.5/2.5) = ln(1.6)
        Assert.Equal(Math.Log(8 / 3.0), bm25.Idf("a"), 12);
        Assert.Equal(Math.Log(1.6), bm25.Idf("c"), 12);
        // d1: ln(8/3)·2·1.9/(2 + 0.9·(0.6 + 0.4·3/3))          = 1.2852245
        // d2: ln(1.6)·1·1.9/(1 + 0.9·(0.6 + 0.4·2/3)) = /1.78   = 0.5016893
        // d3: ln(1.6)·3·1.9/(3 + 0.9·(0.6 + 0.4·4/3)) = /4.02   = 0.6664231
        var hits = bm25.Search(Query, 10);
        Assert.Equal(["d1", "d3", "d2"], hits.Select(h => h.DocId));
        Assert.Equal(1.2852245384291585, hits[0].Score, 12);
        Assert.Equal(0.6664230563932072, hits[1].Score, 12);
        Assert.Equal(0.5016892671724144, hits[2].Score, 12);
    }

    [Fact]
    public void Bm25_options_change_the_scores()
    {
        var lucene = new Bm25(Corpus, Bm25Options.Lucene);
        // d2 with k1 = 1.2, b = 0.75: ln(1.6)·2.2/(1 + 1.2·(0.25 + 0.75·2/3)) = ln(1.6)·2.2/1.9
        Assert.Equal(Math.Log(1.6) * 2.2 / 1.9, lucene.Score(Query, ["d2"])[0].Score, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Bm25(Corpus, new Bm25Options(B: 1.5)));
    }

    [Fact]
    public void TfIdf_matches_a_hand_computation()
    {
        var tfidf = new TfIdf(Corpus);
        // idf = ln((1+N)/(1+df)) + 1: a, d → ln 2 + 1; b, c → ln(4/3) + 1.
        double ia = Math.Log(2) + 1, ic = Math.Log(4 / 3.0) + 1;
        Assert.Equal(ia, tfidf.Idf("a"), 12);
        var queryNorm = Math.Sqrt(ia * ia + ic * ic);
        // d1 = (a: 2·ia, b: ic): cos = ia·2ia / (‖q‖·sqrt(4ia² + ic²))
        var d1 = 2 * ia * ia / (queryNorm * Math.Sqrt(4 * ia * ia + ic * ic));
        // d3 = (c: 3·ic, d: ia): cos = ic·3ic / (‖q‖·sqrt(9ic² + ia²))
        var d3 = 3 * ic * ic / (queryNorm * Math.Sqrt(9 * ic * ic + ia * ia));
        var hits = tfidf.Search(Query, 10);
        Assert.Equal(["d1", "d3", "d2"], hits.Select(h => h.DocId));
        Assert.Equal(d1, hits[0].Score, 12);
        Assert.Equal(0.743985881168943, hits[0].Score, 12);
        Assert.Equal(d3, hits[1].Score, 12);
        Assert.Equal(0.42804603506311856, hits[2].Score, 12);
    }

    [Theory]
    [InlineData(BaselineKind.Bm25)]
    [InlineData(BaselineKind.TfIdf)]
    public void Search_agrees_with_Score_and_keeps_the_best_k(BaselineKind kind)
    {
        var random = new Random(3);
        var vocabulary = Enumerable.Range(0, 50).Select(i => $"w{i}").ToArray();
        IReadOnlyList<string> Text(int n) => Enumerable.Range(0, n).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
        var docs = Enumerable.Range(0, 300).Select(i => ($"doc{i}", Text(1 + random.Next(20)))).ToArray();
        var model = Baselines.Build(docs, new BaselineOptions(kind));
        for (var q = 0; q < 20; q++)
        {
            var query = Text(1 + random.Next(4));
            var all = model.Score(query, docs.Select(d => d.Item1)).Where(s => query.Intersect(docs.First(d => d.Item1 == s.DocId).Item2).Any());
            var expected = RankingMetrics.TrecOrder(all).Take(7).ToArray();
            Assert.Equal(expected, model.Search(query, 7).Select(h => h.DocId));
        }
    }

    [Fact]
    public void Unknown_terms_and_documents()
    {
        var bm25 = new Bm25(Corpus);
        Assert.Empty(bm25.Search(["zzz"], 5));
        Assert.Equal(0, bm25.Score(["zzz"], ["d1"])[0].Score);
        Assert.Contains("'nope'", Assert.Throws<KeyNotFoundException>(() => bm25.Score(Query, ["nope"])).Message);
        Assert.Contains("appears twice", Assert.Throws<ArgumentException>(() => new Bm25([("d1", ["a"]), ("d1", ["b"])])).Message);
    }

    [Theory]
    [InlineData(BaselineKind.Bm25)]
    [InlineData(BaselineKind.TfIdf)]
    public void Concurrent_searches_give_the_same_results(BaselineKind kind)
    {
        var random = new Random(5);
        IReadOnlyList<string> Text(int n) => Enumerable.Range(0, n).Select(_ => $"w{random.Next(40)}").ToArray();
        var model = Baselines.Build(Enumerable.Range(0, 500).Select(i => ($"doc{i}", Text(1 + random.Next(30)))), new BaselineOptions(kind));
        var queries = Enumerable.Range(0, 64).Select(_ => Text(1 + random.Next(5))).ToArray();
        var expected = queries.Select(q => model.Search(q, 20)).ToArray();
        Parallel.For(0, queries.Length * 8, i => Assert.Equal(expected[i % queries.Length], model.Search(queries[i % queries.Length], 20)));
    }

    [Fact]
    public void Baselines_run_searches_or_reranks_candidates()
    {
        (string, IReadOnlyList<string>)[] queries = [("q1", Query), ("q2", ["b"])];
        var full = Baselines.Run(queries, Corpus);
        Assert.Equal(["d1", "d3", "d2"], full.Ranked("q1").Select(d => d.DocId));
        Assert.Equal(["d2", "d1"], full.Ranked("q2").Select(d => d.DocId));   // b: d2 is shorter

        var fromText = Baselines.Run([("q1", "A c")], [("d1", "a b a"), ("d2", "b c"), ("d3", "c c c d")], t => t.ToLowerInvariant().Split(' '));
        Assert.Equal(full.Ranked("q1"), fromText.Ranked("q1"));

        var candidates = Candidates.Parse(new StringReader("q1\td2\nq1\td1\n"));
        var reranked = Baselines.Run(queries, Corpus, new BaselineOptions(BaselineKind.TfIdf), candidates);
        Assert.Equal(["q1"], reranked.QueryIds);
        Assert.Equal(["d1", "d2"], reranked.Ranked("q1").Select(d => d.DocId));
    }
}

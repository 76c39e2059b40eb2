using Dssm.Research.Evaluation;
using Dssm.Research.Ranking;
using Dssm.Research.Retrieval;

namespace Dssm.Research.Tests.Retrieval;

public sealed class EmbeddingIndexTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("dssm-index-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    internal static float[] UnitVector(Random random, int dimension)
    {
        var v = new float[dimension];
        for (var i = 0; i < dimension; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
        var norm = (float)Math.Sqrt(v.Sum(x => x * x));
        for (var i = 0; i < dimension; i++) v[i] /= norm;
        return v;
    }

    static EmbeddingIndex RandomIndex(int n, int dimension, int seed, out float[][] rows)
    {
        var random = new Random(seed);
        rows = Enumerable.Range(0, n).Select(_ => UnitVector(random, dimension)).ToArray();
        rows[5] = rows[3];                          // an exact tie: d3 and d5 score the same for every query
        return EmbeddingIndex.FromRows(Enumerable.Range(0, n).Select(i => $"d{i}").ToArray(), rows);
    }

    [Theory]
    [InlineData(37, 5, 19)]        // fewer queries than one group of eight; D = 19: the fallback kernel and its SIMD tail
    [InlineData(70, 1, 19)]        // several blocks, a partial last one
    [InlineData(70, 1000, 19)]     // k beyond the corpus size
    [InlineData(3, 5, 32)]         // D a multiple of 8: the AVX/FMA kernel where the machine has it; a padded group
    [InlineData(150, 7, 128)]      // three blocks of 64, partial groups, rows in two tiles
    [InlineData(1, 10, 128, 1100)] // one query: the rows split over the cores and the parts' top-k merged
    public void Top_k_equals_brute_force(int queryCount, int k, int dimension, int documents = 300)
    {
        var index = RandomIndex(documents, dimension, 1, out var rows);
        var random = new Random(2);
        var queries = Enumerable.Range(0, queryCount).Select(_ => UnitVector(random, dimension)).ToArray();
        queries[0] = rows[3];
        var hits = index.Search(queries, k);
        for (var q = 0; q < queryCount; q++)
        {
            var brute = rows.Select((r, i) => new ScoredDoc($"d{i}", r.Zip(queries[q], (a, b) => (double)a * b).Sum())).ToArray();
            var expected = RankingMetrics.TrecOrder(brute).Take(k).ToArray();
            Assert.Equal(expected, hits[q].Select(h => h.DocId));
            var score = brute.ToDictionary(h => h.DocId, h => h.Score);
            foreach (var h in hits[q]) Assert.Equal(score[h.DocId], h.Score, 1e-5);
        }
        if (k > 1) Assert.Equal(["d5", "d3"], hits[0].Take(2).Select(h => h.DocId));   // tie, id descending
    }

    [Fact]
    public void A_query_gets_the_same_scores_alone_and_in_any_block_position()
    {
        var index = RandomIndex(600, 128, 3, out _);
        var random = new Random(4);
        var queries = Enumerable.Range(0, 77).Select(_ => UnitVector(random, 128)).ToArray();
        var together = index.Search(queries, 20);
        foreach (var q in new[] { 0, 7, 8, 63, 64, 76 })
            Assert.Equal(together[q], index.Search(queries[q], 20));   // same ids and bit-identical scores
    }

    [Fact]
    public void Save_and_load_round_trip()
    {
        var index = RandomIndex(50, 8, 4, out _);
        var path = Path.Combine(dir, "sub", "corpus.emb");
        index.Save(path);
        var loaded = EmbeddingIndex.Load(path);
        Assert.Equal(index.Ids, loaded.Ids);
        Assert.Equal(8, loaded.Dimension);
        for (var i = 0; i < index.Count; i++) Assert.Equal(index.Row(i).ToArray(), loaded.Row(i).ToArray());
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void A_corrupt_file_is_a_clear_error_naming_it()
    {
        var path = Path.Combine(dir, "corpus.emb");
        RandomIndex(20, 4, 5, out _).Save(path);
        var bytes = File.ReadAllBytes(path);
        bytes[100] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => EmbeddingIndex.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("checksum mismatch", e.Message);

        File.WriteAllBytes(path, bytes[..80]);
        Assert.Contains("checksum mismatch", Assert.Throws<InvalidDataException>(() => EmbeddingIndex.Load(path)).Message);
        File.WriteAllBytes(path, bytes[..50]);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => EmbeddingIndex.Load(path)).Message);
        File.WriteAllText(path, "qid\tdocid\n");
        Assert.Contains("not an embedding index file", Assert.Throws<InvalidDataException>(() => EmbeddingIndex.Load(path)).Message);
    }

    [Fact]
    public void Encode_builds_the_index_in_batches()
    {
        var docs = Enumerable.Range(0, 7).Select(i => ($"d{i}", i % 2 == 0 ? "even" : "odd")).ToArray();
        var batches = new List<int>();
        var seen = new List<int>();
        var index = EmbeddingIndex.Encode(docs, texts =>
        {
            batches.Add(texts.Count);
            return texts.Select(t => t == "even" ? new[] { 1f, 0f } : new[] { 0f, 1f }).ToArray();
        }, batchSize: 3, progress: new SyncProgress(seen));
        Assert.Equal([3, 3, 1], batches);
        Assert.Equal([3, 6, 7], seen);
        Assert.Equal(["d6", "d4", "d2", "d0"], index.Search([1f, 0f], 4).Select(h => h.DocId));
    }

    [Fact]
    public void Encoding_batches_at_once_gives_the_same_index_and_the_encoders_own_error()
    {
        // Batches finish out of order (the later ones sleep less); each must still land at its own rows.
        var docs = Enumerable.Range(0, 1000).Select(i => ($"d{i}", i.ToString())).ToArray();
        float[][] Encoder(IReadOnlyList<string> texts)
        {
            Thread.Sleep(Math.Max(0, 8 - int.Parse(texts[0]) / 64));
            return texts.Select(t => { var a = int.Parse(t) * 0.001f; return new[] { MathF.Cos(a), MathF.Sin(a) }; }).ToArray();
        }
        var one = EmbeddingIndex.Encode(docs, Encoder, batchSize: 64);
        var seen = new List<int>();
        var four = EmbeddingIndex.Encode(docs, Encoder, batchSize: 64, progress: new SyncProgress(seen), concurrency: 4);
        Assert.Equal(one.Ids, four.Ids);
        for (var i = 0; i < docs.Length; i++) Assert.True(one.Row(i).SequenceEqual(four.Row(i)), $"row {i} differs");
        Assert.Equal(seen.Order(), seen);                      // progress only goes up
        Assert.Equal(1000, seen[^1]);
        var e = Assert.Throws<InvalidOperationException>(() => EmbeddingIndex.Encode(docs,
            t => t[0] == "640" ? throw new InvalidOperationException("batch 10 failed") : Encoder(t), batchSize: 64, concurrency: 4));
        Assert.Equal("batch 10 failed", e.Message);
    }

    sealed class SyncProgress(List<int> seen) : IProgress<int>
    {
        public void Report(int value) => seen.Add(value);
    }

    [Fact]
    public void Rows_must_be_unit_length()
    {
        var e = Assert.Throws<ArgumentException>(() => EmbeddingIndex.FromRows(["a", "b"], [[1f, 0f], [3f, 4f]]));
        Assert.Contains("row 1 ('b') has norm 5", e.Message);
        EmbeddingIndex.FromRows(["zero"], [[0f, 0f]]);   // an empty text's zero vector is allowed: it scores 0
    }

    [Fact]
    public void Rerank_scores_the_candidates_by_cosine()
    {
        var index = EmbeddingIndex.FromRows(["a", "b", "c"], [[1f, 0f], [0f, 1f], [0.6f, 0.8f]]);
        var candidates = Candidates.Parse(new StringReader("q1\ta\nq1\tc\nq2\tb\n"));
        var queries = new Dictionary<string, float[]> { ["q1"] = [0f, 1f], ["q2"] = [1f, 0f] };
        var run = index.Rerank(candidates, queries);
        Assert.Equal([new ScoredDoc("c", 0.800000011920929), new ScoredDoc("a", 0)], run.Ranked("q1"));
        Assert.Equal([new ScoredDoc("b", 0)], run.Ranked("q2"));
        var missing = Candidates.Parse(new StringReader("q1\tzzz\n"));
        Assert.Contains("'zzz'", Assert.Throws<KeyNotFoundException>(() => index.Rerank(missing, queries)).Message);
    }

    [Fact]
    public void Concurrent_searches_give_the_same_results()
    {
        var index = RandomIndex(500, 16, 6, out _);
        var random = new Random(9);
        var queries = Enumerable.Range(0, 40).Select(_ => UnitVector(random, 16)).ToArray();
        var expected = index.Search(queries, 10);
        Parallel.For(0, 16, _ =>
        {
            var again = index.Search(queries, 10);
            for (var q = 0; q < queries.Length; q++) Assert.Equal(expected[q], again[q]);
        });
    }
}

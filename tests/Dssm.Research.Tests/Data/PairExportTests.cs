using Dssm.Research.Data;
using Dssm.Research.Experiments;

namespace Dssm.Research.Tests.Data;

/// <summary><c>dssm data pairs</c> with hard negatives: which documents become the rows labelled 0.</summary>
public sealed class PairExportTests : IDisposable
{
    readonly string root = TestFiles.TempDir();
    public void Dispose() { if (Directory.Exists(root)) Directory.Delete(root, true); }

    static BeirDataset SemanticClicks => BeirDataset.Load(Path.Combine(DssmCli.Repo(), "datasets", "semantic-clicks"));

    [Fact]
    public void Half_the_negatives_come_from_the_candidates_never_a_click_nor_a_copy_of_it()
    {
        var data = SemanticClicks;
        var qrels = data.Qrels("train");
        var docs = data.Documents.ToDictionary(d => d.Id);
        var textOf = data.Documents.GroupBy(d => d.FullText).ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToHashSet());
        // Candidates: the query's own clicks first (must be skipped), then eight fixed documents.
        var fixedIds = data.Documents.Take(8).Select(d => d.Id).ToList();
        IReadOnlyList<string> Candidates(string q) => [.. qrels.Relevant(q), .. fixedIds];
        var path = Path.Combine(root, "hard.tsv");
        PairExport.Write(data, "train", path, negatives: 4, seed: 3, hardRatio: 0.5, hardCandidates: Candidates);
        var rows = PointwiseReader.Read(path).ToList();
        var queryIds = data.Queries.GroupBy(q => q.Value).ToDictionary(g => g.Key, g => g.Select(q => q.Key).ToList());
        for (var i = 0; i < rows.Count; i += 5)
        {
            Assert.Equal([1, 0, 0, 0, 0], rows.Skip(i).Take(5).Select(r => r.Label));
            var relevant = queryIds[rows[i].Query].SelectMany(q => qrels.Relevant(q)).ToHashSet();
            var fixedTexts = fixedIds.Select(id => docs[id].FullText).Where(t => !textOf[t].Overlaps(relevant)).ToHashSet();
            var hard = rows.Skip(i + 1).Take(2).Select(r => r.Doc).ToList();
            Assert.All(hard, h => Assert.Contains(h, fixedTexts));          // drawn from the candidates, clicks skipped
            Assert.NotEqual(hard[0], hard[1]);
            Assert.All(rows.Skip(i + 1).Take(4), r => Assert.NotEqual(rows[i].Doc, r.Doc));
            Assert.All(rows.Skip(i + 1).Take(4), r => Assert.False(textOf[r.Doc].Overlaps(relevant)));
        }
        var again = Path.Combine(root, "again.tsv");
        PairExport.Write(data, "train", again, negatives: 4, seed: 3, hardRatio: 0.5, hardCandidates: Candidates);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
    }

    [Fact]
    public void Bm25_hard_negatives_share_more_words_with_the_query_than_random_ones()
    {
        var path = Path.Combine(root, "bm25.tsv");
        PairExporter.Write(SemanticClicks, "train", path, negatives: 4, seed: 1, hardRatio: 0.5);
        var rows = PointwiseReader.Read(path).ToList();
        static int Shared(PointwisePair p) => p.Query.ToLowerInvariant().Split(' ').Intersect(p.Doc.ToLowerInvariant().Split(' ')).Count();
        double hard = 0, random = 0;
        for (var i = 0; i < rows.Count; i += 5)
        {
            hard += Shared(rows[i + 1]) + Shared(rows[i + 2]);
            random += Shared(rows[i + 3]) + Shared(rows[i + 4]);
        }
        Assert.True(hard > 2 * random, $"words shared with the query: {hard} by the BM25-hard negatives, {random} by the random ones");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void Split_negatives_are_drawn_among_the_splits_own_judged_documents(double hardRatio)
    {
        // A known-item set: page i is the one relevant document of query i; train judges pages 0–7, test pages 8–11.
        var range = Enumerable.Range(0, 12);
        var dir = TestFiles.Beir(
            corpus: string.Concat(range.Select(i => $"{{\"_id\":\"d{i}\",\"text\":\"page {i} about shared words and w{i}\"}}\n")),
            queries: string.Concat(range.Select(i => $"{{\"_id\":\"q{i}\",\"text\":\"shared w{i}\"}}\n")),
            train: "query-id\tcorpus-id\tscore\n" + string.Concat(range.Take(8).Select(i => $"q{i}\td{i}\t1\n")),
            test: "query-id\tcorpus-id\tscore\n" + string.Concat(range.Skip(8).Select(i => $"q{i}\td{i}\t1\n")));
        var data = BeirDataset.Load(dir);
        var idOf = data.Documents.ToDictionary(d => d.FullText, d => d.Id);
        IReadOnlyList<string> Negatives(string split, bool within)
        {
            var path = Path.Combine(root, $"{split}-{within}.tsv");
            PairExporter.Write(data, split, path, negatives: 2, seed: 2, hardRatio: hardRatio, splitNegatives: within);
            return PointwiseReader.Read(path).Where(r => r.Label == 0).Select(r => idOf[r.Doc]).ToList();
        }
        Assert.All(Negatives("test", within: true), id => Assert.Contains(id, new[] { "d8", "d9", "d10", "d11" }));
        Assert.All(Negatives("train", within: true), id => Assert.DoesNotContain(id, new[] { "d8", "d9", "d10", "d11" }));
        Assert.Contains(Negatives("train", within: false), id => id is "d8" or "d9" or "d10" or "d11");   // the corpus: test pages too
    }

    [Fact]
    public void A_ratio_without_candidates_or_outside_zero_to_one_is_refused()
    {
        var data = SemanticClicks;
        Assert.Throws<ArgumentException>(() => PairExport.Write(data, "train", Path.Combine(root, "x.tsv"), hardRatio: 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairExport.Write(data, "train", Path.Combine(root, "x.tsv"), hardRatio: 1.5));
    }
}

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

    [Fact]
    public void A_ratio_without_candidates_or_outside_zero_to_one_is_refused()
    {
        var data = SemanticClicks;
        Assert.Throws<ArgumentException>(() => PairExport.Write(data, "train", Path.Combine(root, "x.tsv"), hardRatio: 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairExport.Write(data, "train", Path.Combine(root, "x.tsv"), hardRatio: 1.5));
    }
}

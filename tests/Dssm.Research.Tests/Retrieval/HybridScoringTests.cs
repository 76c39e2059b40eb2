using Dssm.Research.Ranking;
using Dssm.Research.Retrieval;

namespace Dssm.Research.Tests.Retrieval;

public class HybridScoringTests
{
    [Fact]
    public void Scores_are_min_max_normalised_per_query_then_mixed()
    {
        var dssm = new RankedRun();
        dssm.Add("q", "a", 0.9);   // → 1
        dssm.Add("q", "b", 0.5);   // → 0.5
        dssm.Add("q", "c", 0.1);   // → 0
        var bm25 = new RankedRun();
        bm25.Add("q", "a", 2);     // → 0
        bm25.Add("q", "b", 12);    // → 1
        bm25.Add("q", "d", 7);     // → 0.5; absent from DSSM → 0 there
        var hybrid = HybridScoring.Combine(dssm, bm25, alpha: 0.25);
        // a: .25·1 + .75·0 = .25; b: .25·.5 + .75·1 = .875; c: .25·0 = 0; d: .75·.5 = .375
        Assert.Equal([("b", 0.875), ("d", 0.375), ("a", 0.25), ("c", 0.0)], hybrid.Ranked("q").Select(d => (d.DocId, d.Score)));
    }

    [Fact]
    public void Alpha_one_is_dssm_alone_and_constant_lists_normalise_to_one()
    {
        var dssm = new RankedRun();
        dssm.Add("q", "a", 0.3);
        dssm.Add("q", "b", 0.7);
        var bm25 = new RankedRun();
        bm25.Add("q", "a", 5);
        bm25.Add("q", "b", 5);
        Assert.Equal(["b", "a"], HybridScoring.Combine(dssm, bm25, 1).Ranked("q").Select(d => d.DocId));
        Assert.Equal([1.0, 1.0], HybridScoring.MinMax(bm25.Ranked("q")).Values);
        Assert.Throws<ArgumentOutOfRangeException>(() => HybridScoring.Combine(dssm, bm25, 1.5));
    }

    [Fact]
    public void Reciprocal_rank_fusion_adds_weighted_reciprocal_ranks()
    {
        var dssm = new RankedRun();
        dssm.Add("q", "a", 0.9);   // rank 1
        dssm.Add("q", "b", 0.5);   // rank 2
        dssm.Add("q", "c", 0.1);   // rank 3
        var bm25 = new RankedRun();
        bm25.Add("q", "b", 12);    // rank 1
        bm25.Add("q", "d", 7);     // rank 2
        // α = ½, k = 60: a = .5/61 = .0081967; b = .5/62 + .5/61 = .0162612; c = .5/63 = .0079365; d = .5/62 = .0080645.
        var fused = HybridScoring.Fuse(dssm, bm25, FusionKind.Rrf, 0.5);
        Assert.Equal(["b", "a", "d", "c"], fused.Ranked("q").Select(d => d.DocId));
        Assert.Equal([0.0162612, 0.0081967, 0.0080645, 0.0079365], fused.Ranked("q").Select(d => Math.Round(d.Score, 7)));
        // The scores of a run do not count, only its ranks: BM25 scores 1000 and 1 fuse as 12 and 7 did.
        var rescaled = new RankedRun();
        rescaled.Add("q", "b", 1000);
        rescaled.Add("q", "d", 1);
        Assert.Equal(fused.Ranked("q"), HybridScoring.ReciprocalRank(dssm, rescaled, 0.5).Ranked("q"));
        // α = 1: DSSM's order, d (BM25 only) last with 0.
        Assert.Equal(["a", "b", "c", "d"], HybridScoring.Fuse(dssm, bm25, FusionKind.Rrf, 1).Ranked("q").Select(d => d.DocId));
        Assert.Throws<ArgumentOutOfRangeException>(() => HybridScoring.ReciprocalRank(dssm, bm25, 0.5, k: 0));
    }
}

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
}

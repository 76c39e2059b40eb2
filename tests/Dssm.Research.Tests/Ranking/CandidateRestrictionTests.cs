using Dssm.Research.Ranking;

namespace Dssm.Research.Tests.Ranking;

public class CandidateRestrictionTests
{
    [Fact]
    public void Restrict_keeps_the_split_and_the_corpus_and_counts_what_it_left_out()
    {
        // The split is q1, q2, q3; q4 is a query of another split; zz is no query; dX is no document.
        var all = Candidates.Parse(new StringReader("q1\td1\nq1\tdX\nq4\td1\nzz\td2\nq2\td2\n"), "c.tsv");
        var (kept, r) = all.Restrict(["q1", "q2", "q3"], q => q is "q1" or "q2" or "q3" or "q4", d => d is "d1" or "d2", "c.tsv");
        Assert.Equal(["q1", "q2"], kept.QueryIds);
        Assert.Equal(["d1"], kept.For("q1"));
        Assert.Equal(new CandidateRestriction("c.tsv", Queries: 2, Pairs: 2, OtherQueries: 1, UnknownQueries: 1, UnknownDocuments: 1, SplitQueriesWithout: 1), r);
        Assert.Equal("candidates c.tsv: 2 pairs for 2 queries of the split; left out 1 query of other splits, 1 unknown query (not in queries.jsonl), 1 pair naming documents not in the corpus; 1 query of the split without candidates (scored 0)", r.Summary);
    }

    [Fact]
    public void A_file_for_exactly_the_split_leaves_nothing_out_and_says_only_what_it_kept()
    {
        var all = Candidates.Parse(new StringReader("q1\td1\nq1\td2\n"));
        var (kept, r) = all.Restrict(["q1"], _ => true, _ => true, "c.tsv");
        Assert.Equal(2, kept.Count);
        Assert.Equal("candidates c.tsv: 2 pairs for 1 query of the split", r.Summary);
    }
}

namespace Dssm.Research.Ranking;

/// <summary>
/// What <see cref="Candidates.Restrict"/> left out of a candidates file, counted so that a report can say it:
/// a file made for every split (WikiQA's, or a BM25 top-100 from another tool) names queries of the other
/// splits, and one made on another version of the corpus names documents this one lacks. Neither is an error;
/// silently dropping them would be, because a query whose candidates vanish scores 0.
/// </summary>
/// <param name="Source">The file (or <c>candidates.tsv</c> of the dataset) the candidates came from.</param>
/// <param name="Queries">Queries of the evaluated split that kept at least one candidate.</param>
/// <param name="Pairs">(query, document) pairs kept.</param>
/// <param name="OtherQueries">Queries left out because they are not in the evaluated split (known elsewhere).</param>
/// <param name="UnknownQueries">Queries left out because the dataset has no such query at all.</param>
/// <param name="UnknownDocuments">Pairs of the split's queries left out because the document is not in the corpus.</param>
/// <param name="SplitQueriesWithout">Queries of the split with no candidate left (they rank nothing and score 0).</param>
public sealed record CandidateRestriction(string Source, int Queries, int Pairs, int OtherQueries, int UnknownQueries,
    int UnknownDocuments, int SplitQueriesWithout)
{
    /// <summary>One line for the console and the report: what was kept and what was left out, and why.</summary>
    public string Summary
    {
        get
        {
            var left = new List<string>();
            if (OtherQueries > 0) left.Add($"{OtherQueries:N0} {Plural(OtherQueries, "query", "queries")} of other splits");
            if (UnknownQueries > 0) left.Add($"{UnknownQueries:N0} unknown {Plural(UnknownQueries, "query", "queries")} (not in queries.jsonl)");
            if (UnknownDocuments > 0) left.Add($"{UnknownDocuments:N0} {Plural(UnknownDocuments, "pair", "pairs")} naming documents not in the corpus");
            var line = $"candidates {Source}: {Pairs:N0} pairs for {Queries:N0} {Plural(Queries, "query", "queries")} of the split";
            if (left.Count > 0) line += $"; left out {string.Join(", ", left)}";
            if (SplitQueriesWithout > 0) line += $"; {SplitQueriesWithout:N0} {Plural(SplitQueriesWithout, "query", "queries")} of the split without candidates (scored 0)";
            return line;
        }
    }

    static string Plural(int n, string one, string many) => n == 1 ? one : many;
}

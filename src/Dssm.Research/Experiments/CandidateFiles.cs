using Dssm.Research.Data;
using Dssm.Research.Ranking;

namespace Dssm.Research.Experiments;

/// <summary>
/// How every command reads a candidates file: restricted to the evaluated split's queries and to the corpus's
/// documents, with what was left out counted (<see cref="CandidateRestriction"/>). A file for every split — the
/// WikiQA converter's <c>candidates.tsv</c>, a BM25 top-100 made by another tool — is therefore read the same by
/// <c>dssm evaluate</c> and <c>dssm baseline</c>. An empty file, or one naming none of the split's queries, is an
/// error: ranking the full corpus instead would answer a different question without saying so.
/// </summary>
static class CandidateFiles
{
    /// <summary>The candidates of <paramref name="file"/> (null = the dataset's <c>candidates.tsv</c>) for the split's queries.</summary>
    /// <exception cref="ArgumentException">no candidates at all, or none for the split's queries; the message names the file.</exception>
    public static (Candidates Candidates, CandidateRestriction Restriction) Load(BeirDataset data, string dataDir, string split,
        IReadOnlyList<string> queryIds, string? file)
    {
        Candidates all;
        string source;
        if (file is not null)
        {
            if (!File.Exists(file)) throw new FileNotFoundException($"{file}: no such candidates file; expected qid<TAB>docid lines", file);
            all = Candidates.Read(file);
            source = file;
        }
        else
        {
            source = Path.Combine(dataDir, "candidates.tsv");
            if (data.Candidates.Count == 0)
                throw new ArgumentException($"{source}: no such file; --rerank candidates re-ranks the dataset's own candidates (give --candidates FILE or --rerank bm25:N)");
            all = new Candidates();
            foreach (var (q, docs) in data.Candidates) foreach (var d in docs) all.Add(q, d);
        }
        if (all.Count == 0) throw new ArgumentException($"{source}: no candidates (no qid<TAB>docid line); expected the documents to re-rank per query");
        var (kept, restriction) = all.Restrict(queryIds, data.Queries.ContainsKey, d => data.TryGetDocument(d, out _), source);
        if (kept.Count == 0)
            throw new ArgumentException($"{source}: names none of the {queryIds.Count:N0} queries of split '{split}' with a document of the corpus ({restriction.Summary}); expected candidates for this split");
        return (kept, restriction);
    }
}

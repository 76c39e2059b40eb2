namespace Dssm.Research.Ranking;

/// <summary>
/// trec_eval's ranking order: score descending, ties broken by document id descending
/// (trec_eval's <c>comp_sim_docno</c>: <c>strcmp(doc2, doc1)</c>; the rank column of a run file is ignored).
/// We compare ids ordinally (UTF-16 code units), which equals strcmp's byte order except for ids with
/// characters outside the Basic Multilingual Plane.
/// </summary>
internal sealed class TrecOrder : IComparer<ScoredDoc>
{
    public static readonly TrecOrder Instance = new();

    public int Compare(ScoredDoc x, ScoredDoc y)
    {
        var c = y.Score.CompareTo(x.Score);
        return c != 0 ? c : string.CompareOrdinal(y.DocId, x.DocId);
    }
}

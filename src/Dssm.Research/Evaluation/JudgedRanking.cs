namespace Dssm.Research.Evaluation;

/// <summary>
/// One query's ranking as trec_eval sees it (form_res_rels.c, <c>RES_RELS</c>): for each retrieved document in
/// trec_eval order its judged relevance, or <see cref="NotInPool"/> (not in the qrels) or
/// <see cref="InPoolUnjudged"/> (a negative relevance in the qrels); the number of judged documents at each
/// relevance level 0, 1, …; and the counts at or above the relevance level <c>-l</c>.
/// </summary>
internal sealed class JudgedRanking
{
    public const int NotInPool = -1;
    public const int InPoolUnjudged = -2;

    /// <summary>Relevance of the document at rank i + 1.</summary>
    public readonly int[] Rels;

    /// <summary>Judged documents per relevance level (index = level ≥ 0; negative levels are not counted).</summary>
    public readonly long[] LevelCounts;

    /// <summary>trec_eval's <c>-l</c>: a document is relevant when its level is at least this.</summary>
    public readonly int Level;

    public readonly long NumRel;
    public readonly long NumRelRet;

    public int NumRet => Rels.Length;

    public JudgedRanking(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int level)
    {
        Level = level;
        Rels = ranked.Select(d => judged.TryGetValue(d, out var r) ? (r < 0 ? InPoolUnjudged : r) : NotInPool).ToArray();
        var max = judged.Count == 0 ? -1 : judged.Values.Max();
        LevelCounts = new long[Math.Max(0, max + 1)];
        foreach (var r in judged.Values) if (r >= 0) LevelCounts[r]++;
        for (var l = Math.Max(0, level); l < LevelCounts.Length; l++) NumRel += LevelCounts[l];
        NumRelRet = Rels.Count(IsRelevant);
    }

    public bool IsRelevant(int rel) => rel >= 0 && rel >= Level;

    /// <summary>Relevant documents among the first <paramref name="k"/> (nonrelevant ones fill a short list, as trec_eval's P does).</summary>
    public long RelevantInTop(long k)
    {
        long n = 0;
        for (var i = 0; i < Math.Min(k, Rels.Length); i++) if (IsRelevant(Rels[i])) n++;
        return n;
    }
}

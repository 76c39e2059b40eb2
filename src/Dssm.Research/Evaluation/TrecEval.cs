using Dssm.Research.Ranking;
namespace Dssm.Research.Evaluation;

/// <summary>
/// trec_eval's measures for any TREC run, computed as trec_eval 10.0 computes them (usnistgov/trec_eval, the
/// m_*.c files named below), so that <c>dssm score</c> prints what <c>trec_eval</c> prints. The agreement is a
/// test on trec_eval's own test files and expected outputs (<c>TrecEvalAgreementTests</c>).
/// <para>
/// <b>Which queries.</b> Queries of the qrels, in trec_eval's order (query ids sorted, strcmp). Without
/// <see cref="TrecEvalOptions.Complete"/> only those the run also has are averaged: trec_eval's documented
/// default ("queries for which there are relevant docs but no retrieved docs are ignored"; version 10.0-rc3 at
/// commit f4253652 instead stops with exit 4 on such a query). With it (<c>-c</c>) a query the run lacks
/// scores 0 on every measure and counts in the mean. Unlike <see cref="RankingMetrics.Evaluate"/>, queries
/// whose judgements hold no relevant document are averaged in (with 0 on most measures), as trec_eval does;
/// queries of the run without any judgement are ignored.
/// </para>
/// <para>
/// <b>Order and ties.</b> By score descending, ties by document id descending (<see cref="RankedRun"/>); the
/// rank column of the file is ignored (form_res_rels.c, <c>comp_sim_docno</c>).
/// </para>
/// <para>
/// <b>Relevance.</b> A document is relevant when its level is at least <see cref="TrecEvalOptions.RelevanceLevel"/>
/// (<c>-l</c>, default 1); a retrieved document missing from the qrels, or judged with a negative level (trec_eval:
/// in the pool but unjudged), is not relevant, and bpref counts neither as judged nonrelevant. NDCG's gain is the
/// judged level itself (not 2^rel − 1), levels below 1 give 0, and <c>-l</c> does not change the gains
/// (m_ndcg.c, m_ndcg_cut.c).
/// </para>
/// </summary>
public static class TrecEval
{
    /// <summary>trec_eval's floor for a query's AP in the geometric mean (trec_eval.h, <c>MIN_GEO_MEAN</c>).</summary>
    const double MinGeoMean = 0.00001;

    /// <summary>Reads a qrels file (TREC <c>qid iter docid rel</c>, or BEIR's tab-separated <c>qrels/SPLIT.tsv</c>)
    /// and a TREC run file, and scores the run.</summary>
    /// <exception cref="FormatException">a malformed line; the message names file:line and the field.</exception>
    public static TrecEvalResult Score(string qrelsPath, string runPath, TrecEvalOptions? options = null)
    {
        options = (options ?? new TrecEvalOptions()).Validate();
        if (!File.Exists(runPath)) throw new FileNotFoundException($"{runPath}: no such run file; expected a TREC run (qid Q0 docid rank score tag)", runPath);
        var qrels = QrelsFile.Read(qrelsPath);
        var run = TrecRunFile.Read(runPath);
        return Evaluate(run, qrels, options, LastTag(runPath));
    }

    /// <summary>Scores a run against qrels; <paramref name="runId"/> is printed as trec_eval's <c>runid</c>.</summary>
    public static TrecEvalResult Evaluate(RankedRun run, Qrels qrels, TrecEvalOptions? options = null, string runId = "")
    {
        options = (options ?? new TrecEvalOptions()).Validate();
        var queries = qrels.QueryIds.Order(StringComparer.Ordinal).ToArray();
        var missing = queries.Where(q => !run.Contains(q)).ToArray();
        var evaluated = options.Complete ? queries : queries.Where(run.Contains).ToArray();
        var perQuery = new List<(string Query, IReadOnlyList<(string Name, double Value)> Values)>();
        var logAp = new List<double>();
        foreach (var q in evaluated)
        {
            var ranking = new JudgedRanking(run.Ranked(q).Select(d => d.DocId).ToArray(), qrels.For(q), options.RelevanceLevel);
            perQuery.Add((q, Values(ranking, options.Measures)));
            logAp.Add(Math.Log(Math.Max(AveragePrecision(ranking, long.MaxValue), MinGeoMean)));   // m_gm_map.c
        }
        var summary = Summary(perQuery, logAp, qrels, options, runId);
        var noRelevant = evaluated.Where(q => !qrels.For(q).Values.Any(r => r >= options.RelevanceLevel)).ToArray();
        var unjudged = run.QueryIds.Where(q => !qrels.For(q).Any()).ToArray();
        return new TrecEvalResult(options, perQuery, summary, options.Complete ? missing : [], options.Complete ? [] : missing, noRelevant, unjudged);
    }

    /// <summary>One query's values of the per-query measures, in output order (num_q, runid and gm_map have none).</summary>
    static IReadOnlyList<(string, double)> Values(JudgedRanking r, IReadOnlyList<TrecMeasure> measures)
    {
        var values = new List<(string, double)>();
        foreach (var m in measures)
        {
            var names = m.Printed().ToArray();
            switch (m.Name)
            {
                case "runid" or "num_q" or "gm_map": break;
                case "num_ret": values.Add((m.Name, r.NumRet)); break;
                case "num_rel": values.Add((m.Name, r.NumRel)); break;
                case "num_rel_ret": values.Add((m.Name, r.NumRelRet)); break;
                case "map": values.Add((m.Name, AveragePrecision(r, long.MaxValue))); break;
                case "Rprec": values.Add((m.Name, RPrecision(r))); break;
                case "bpref": values.Add((m.Name, Bpref(r))); break;
                case "recip_rank": values.Add((m.Name, ReciprocalRank(r))); break;
                case "ndcg": values.Add((m.Name, Ndcg(r, long.MaxValue))); break;
                case "iprec_at_recall":
                    var ip = InterpolatedPrecision(r, m.Cutoffs);
                    for (var i = 0; i < names.Length; i++) values.Add((names[i], ip[i]));
                    break;
                default:
                    for (var i = 0; i < names.Length; i++) values.Add((names[i], AtCutoff(m.Name, r, (long)m.Cutoffs[i])));
                    break;
            }
        }
        return values;
    }

    static double AtCutoff(string name, JudgedRanking r, long k) => name switch
    {
        "P" => r.RelevantInTop(k) / (double)k,                                       // m_P.c: a short list is padded with nonrelevant
        "recall" => r.NumRel == 0 ? 0 : r.RelevantInTop(k) / (double)r.NumRel,      // m_recall.c
        "success" => r.RelevantInTop(k) > 0 ? 1 : 0,                                 // m_success.c
        "map_cut" => AveragePrecision(r, k),                                         // m_map_cut.c
        "ndcg_cut" => Ndcg(r, k),                                                    // m_ndcg_cut.c
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a cutoff measure"),
    };

    /// <summary>m_map.c (and m_map_cut.c for k): Σ precision at each relevant retrieved document within the first k, over all relevant documents.</summary>
    static double AveragePrecision(JudgedRanking r, long k)
    {
        if (r.NumRel == 0) return 0;
        double sum = 0;
        long found = 0;
        for (var i = 0; i < Math.Min(k, r.NumRet); i++)
            if (r.IsRelevant(r.Rels[i])) sum += ++found / (double)(i + 1);
        return sum / r.NumRel;
    }

    /// <summary>m_Rprec.c: precision after R = num_rel documents (0 when R or the list is empty).</summary>
    static double RPrecision(JudgedRanking r) =>
        Math.Min(r.NumRet, r.NumRel) == 0 ? 0 : r.RelevantInTop(Math.Min(r.NumRet, r.NumRel)) / (double)r.NumRel;

    /// <summary>m_recip_rank.c: 1 / rank of the first relevant document, 0 when none is retrieved.</summary>
    static double ReciprocalRank(JudgedRanking r)
    {
        for (var i = 0; i < r.NumRet; i++) if (r.IsRelevant(r.Rels[i])) return 1.0 / (i + 1);
        return 0;
    }

    /// <summary>
    /// m_bpref.c (Buckley and Voorhees, SIGIR 2004): for each relevant retrieved document, 1 − (judged nonrelevant
    /// documents above it, at most R) / min(judged nonrelevant, R), summed and divided by R. Documents not in the
    /// qrels or in the pool but unjudged are skipped.
    /// </summary>
    static double Bpref(JudgedRanking r)
    {
        long numNonrel = 0;
        for (var l = 0; l < Math.Min(r.Level, r.LevelCounts.Length); l++) numNonrel += r.LevelCounts[l];
        long nonrelSoFar = 0;
        double bpref = 0;
        foreach (var rel in r.Rels)
        {
            if (rel < 0) continue;
            if (rel < r.Level) nonrelSoFar++;
            else bpref += nonrelSoFar > 0 ? 1.0 - Math.Min(nonrelSoFar, r.NumRel) / (double)Math.Min(numNonrel, r.NumRel) : 1.0;
        }
        return r.NumRel > 0 ? bpref / r.NumRel : 0;
    }

    /// <summary>
    /// m_iprec_at_recall.c: at each recall level p, the highest precision at any rank whose recall is at least p
    /// (interpolated precision); the level's count of relevant documents is round(p · R), half away from zero
    /// (trec_eval 10 uses lround; 9.x added 0.9 and truncated). An empty list scores 0.
    /// </summary>
    static double[] InterpolatedPrecision(JudgedRanking r, IReadOnlyList<double> levels)
    {
        var values = new double[levels.Count];
        if (r.NumRet == 0) return values;
        var cutoffs = levels.Select(p => (long)Math.Round(p * r.NumRel, MidpointRounding.AwayFromZero)).ToArray();
        var current = levels.Count - 1;
        while (current >= 0 && cutoffs[current] > r.NumRelRet) current--;
        var intPrecision = r.NumRelRet / (double)r.NumRet;
        var relSoFar = r.NumRelRet;
        for (var i = r.NumRet; i > 0 && relSoFar > 0; i--)
        {
            intPrecision = Math.Max(intPrecision, relSoFar / (double)i);
            if (r.IsRelevant(r.Rels[i - 1]))
            {
                while (current >= 0 && relSoFar == cutoffs[current]) values[current--] = intPrecision;
                relSoFar--;
            }
        }
        while (current >= 0) values[current--] = intPrecision;
        return values;
    }

    /// <summary>
    /// m_ndcg.c / m_ndcg_cut.c (Järvelin and Kekäläinen, TOIS 2002): Σ gain / log2(rank + 1) over the first k
    /// retrieved, divided by the same sum over the ideal list — every judged document, by level, highest first.
    /// The gain of a document is its judged level (0 below 1, and for documents not in the qrels).
    /// </summary>
    static double Ndcg(JudgedRanking r, long k)
    {
        double dcg = 0;
        for (var i = 0; i < Math.Min(k, r.NumRet); i++)
            if (r.Rels[i] > 0) dcg += r.Rels[i] / Math.Log2(i + 2);
        double ideal = 0;
        long rank = 0;
        for (var level = r.LevelCounts.Length - 1; level > 0 && rank < k; level--)
            for (long n = 0; n < r.LevelCounts[level] && rank < k; n++, rank++)
                ideal += level / Math.Log2(rank + 2);
        return ideal > 0 ? dcg / ideal : 0;
    }

    /// <summary>The "all" lines: counts summed (num_q counts the queries), gm_map the geometric mean, the rest the mean.</summary>
    static IReadOnlyList<(string Name, string Text, double Value)> Summary(
        List<(string Query, IReadOnlyList<(string Name, double Value)> Values)> perQuery, List<double> logAp, Qrels qrels, TrecEvalOptions options, string runId)
    {
        var lines = new List<(string, string, double)>();
        var n = perQuery.Count;
        double Sum(string name) => perQuery.Sum(q => q.Values.First(v => v.Name == name).Value);
        foreach (var m in options.Measures)
            switch (m.Name)
            {
                case "runid": lines.Add((m.Name, runId, double.NaN)); break;
                case "num_q": lines.Add(Count(m.Name, n)); break;
                case "num_ret" or "num_rel_ret": lines.Add(Count(m.Name, Sum(m.Name))); break;
                case "num_rel":
                    // m_num_rel.c: with -c the total is recounted over the whole qrels as judgements with level > 0,
                    // whatever -l says (trec_eval does so; with -l 1, the default, it is the same number).
                    lines.Add(Count(m.Name, options.Complete ? qrels.QueryIds.Sum(q => qrels.For(q).Values.Count(r => r > 0)) : Sum(m.Name)));
                    break;
                case "gm_map": lines.Add(Mean(m.Name, n == 0 ? 0 : Math.Exp(logAp.Average()))); break;
                default:
                    foreach (var name in m.Printed()) lines.Add(Mean(name, n == 0 ? 0 : Sum(name) / n));
                    break;
            }
        return lines;
    }

    static (string, string, double) Count(string name, double value) => (name, ((long)value).ToString(System.Globalization.CultureInfo.InvariantCulture), value);

    static (string, string, double) Mean(string name, double value) => (name, TrecEvalResult.Fixed4(value), value);

    /// <summary>The tag of the last line (trec_eval prints it as runid, get_trec_results.c).</summary>
    static string LastTag(string runPath)
    {
        string? tag = null;
        foreach (var line in File.ReadLines(runPath))
        {
            var parts = TrecLine.Split(line);
            if (parts.Length >= 6) tag = parts[5];
        }
        return tag ?? "";
    }
}

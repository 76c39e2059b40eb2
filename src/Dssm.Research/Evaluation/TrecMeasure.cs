using System.Globalization;

namespace Dssm.Research.Evaluation;

/// <summary>
/// One of trec_eval's measures as <c>trec_eval -m NAME[.PARAMS]</c> names it, with its cutoffs: <c>P</c> with
/// 5, 10, …, 1000 prints <c>P_5</c> … <c>P_1000</c>; <c>iprec_at_recall</c> with 0.0 … 1.0 prints
/// <c>iprec_at_recall_0.00</c> …. The measures the kit computes (<see cref="TrecEval"/>) are trec_eval's
/// <c>official</c> set (what it prints with no <c>-m</c>) plus recall, ndcg, ndcg_cut, map_cut and success,
/// with trec_eval's default cutoffs (usnistgov/trec_eval, measures.c and the m_*.c files).
/// </summary>
public sealed record TrecMeasure(string Name, IReadOnlyList<double> Cutoffs)
{
    /// <summary>The names the kit computes, in trec_eval's output order (measures.c, <c>te_trec_measures</c>).</summary>
    public static readonly IReadOnlyList<string> Names =
        ["runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "map", "gm_map", "Rprec", "bpref", "recip_rank",
         "iprec_at_recall", "P", "recall", "ndcg", "ndcg_cut", "map_cut", "success"];

    static readonly double[] DocCutoffs = [5, 10, 15, 20, 30, 100, 200, 500, 1000];
    static readonly double[] RecallPoints = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    /// <summary>trec_eval's <c>official</c> measures, printed when no <c>-m</c> is given (measures.c, <c>off_names</c>).</summary>
    public static readonly IReadOnlyList<TrecMeasure> Official = Parse(["official"]);

    /// <summary>Every measure the kit computes (a subset of trec_eval's <c>all_trec</c>).</summary>
    public static readonly IReadOnlyList<TrecMeasure> All = Parse(["all"]);

    /// <summary>Whether the summary line is a count (printed as an integer, summed over queries; num_q counts them).</summary>
    public bool IsCount => Name is "num_q" or "num_ret" or "num_rel" or "num_rel_ret";

    /// <summary>The printed names: one per cutoff (<c>P_5</c>, <c>iprec_at_recall_0.10</c>), or the name itself.</summary>
    public IEnumerable<string> Printed() => Cutoffs.Count == 0 ? [Name]
        : Cutoffs.Select(c => Name == "iprec_at_recall"
            ? string.Create(CultureInfo.InvariantCulture, $"{Name}_{c:F2}")
            : string.Create(CultureInfo.InvariantCulture, $"{Name}_{(long)c}"));

    /// <summary>
    /// Parses measure names as trec_eval's <c>-m</c> takes them — <c>official</c>, <c>all</c>, <c>map</c>,
    /// <c>P</c> (default cutoffs), <c>P.5,10</c>, <c>ndcg_cut.10</c>, <c>iprec_at_recall.0.1,0.5</c> — and the kit's
    /// own names (<c>ndcg@10</c> = <c>ndcg_cut.10</c>, <c>p@5</c> = <c>P.5</c>, <c>recall@100</c>, <c>mrr</c> =
    /// <c>recip_rank</c>, <c>ndcg</c> without a cutoff = trec_eval's <c>ndcg</c>). Each item may hold several
    /// comma-separated names; cutoffs of one measure are merged and sorted, as trec_eval prints them.
    /// The result is in trec_eval's output order.
    /// </summary>
    /// <exception cref="FormatException">an unknown name or a bad cutoff; the message says what is accepted.</exception>
    public static IReadOnlyList<TrecMeasure> Parse(IEnumerable<string> items)
    {
        var cutoffs = new Dictionary<string, SortedSet<double>>(StringComparer.Ordinal);
        void Add(string name, IEnumerable<double> values)
        {
            if (!cutoffs.TryGetValue(name, out var set)) cutoffs[name] = set = [];
            set.UnionWith(values);
        }
        foreach (var item in items)
            foreach (var token in SplitNames(item))
            {
                if (token is "official")
                    foreach (var n in new[] { "runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "map", "gm_map", "Rprec", "bpref", "recip_rank", "iprec_at_recall", "P" })
                        Add(n, Defaults(n));
                else if (token is "all")
                    foreach (var n in Names) Add(n, Defaults(n));
                else if (token.Contains('@') || token.Equals("mrr", StringComparison.OrdinalIgnoreCase))
                {
                    var m = RankingMetric.Parse(token);
                    var (name, cut) = m.Kind switch
                    {
                        MetricKind.Ndcg => m.Cutoff is { } k ? ("ndcg_cut", (double?)k) : ("ndcg", null),
                        MetricKind.Mrr => ("recip_rank", null),
                        MetricKind.Map => ("map", null),
                        MetricKind.Precision => ("P", m.Cutoff),
                        _ => ("recall", (double?)m.Cutoff),
                    };
                    Add(name, cut is { } c ? [c] : []);
                }
                else
                {
                    var dot = token.IndexOf('.');
                    var name = dot < 0 ? token : token[..dot];
                    if (!Names.Contains(name))
                        throw new FormatException($"unknown measure '{token}'; expected official, all, one of {string.Join(", ", Names)} (trec_eval's names, e.g. P.5,10 or ndcg_cut.10) or the kit's ndcg@k, p@k, recall@k, mrr, map");
                    Add(name, dot < 0 || dot == token.Length - 1 ? Defaults(name) : ParseCutoffs(name, token[(dot + 1)..], token));
                }
            }
        if (cutoffs.Count == 0) throw new FormatException("no measure given; expected e.g. official, map, P.10 or ndcg@10");
        return Names.Where(cutoffs.ContainsKey).Select(n => new TrecMeasure(n, cutoffs[n].ToArray())).ToArray();
    }

    /// <summary>Splits "P.5,10,map,ndcg_cut.10" into "P.5,10", "map", "ndcg_cut.10": a comma followed by a
    /// number continues the previous measure's cutoffs.</summary>
    static IEnumerable<string> SplitNames(string item)
    {
        var parts = item.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string? current = null;
        foreach (var part in parts)
        {
            if (current is not null && (char.IsDigit(part[0]) || part[0] == '.')) { current += "," + part; continue; }
            if (current is not null) yield return current;
            current = part;
        }
        if (current is not null) yield return current;
    }

    static double[] Defaults(string name) => name switch
    {
        "P" or "recall" or "ndcg_cut" or "map_cut" => DocCutoffs,
        "success" => [1, 5, 10],
        "iprec_at_recall" => RecallPoints,
        _ => [],
    };

    static IEnumerable<double> ParseCutoffs(string name, string text, string token)
    {
        if (Defaults(name).Length == 0) throw new FormatException($"measure '{token}': {name} takes no parameters");
        var values = new List<double>();
        foreach (var part in text.Split(','))
        {
            if (name == "iprec_at_recall")
            {
                if (!double.TryParse(part, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var r) || r > 1)
                    throw new FormatException($"measure '{token}': '{part}' is not a recall level; expected numbers from 0 to 1, e.g. iprec_at_recall.0.1,0.5");
                values.Add(r);
            }
            else if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k <= 0)
                throw new FormatException($"measure '{token}': '{part}' is not a cutoff; expected positive integers, e.g. {name}.5,10");
            else values.Add(k);
        }
        if (values.Distinct().Count() != values.Count) throw new FormatException($"measure '{token}': a cutoff is given twice");
        return values;
    }
}

using System.Globalization;
using System.Numerics;
using System.Text;

namespace Dssm.Research.Evaluation;

/// <summary>
/// What <see cref="TrecEval"/> computed: per query and over all queries, in trec_eval's output layout
/// (<c>measure\tquery\tvalue</c>, the name padded to 22 characters, values with four decimals, counts as integers).
/// </summary>
public sealed class TrecEvalResult
{
    readonly List<(string Query, IReadOnlyList<(string Name, double Value)> Values)> perQuery;
    readonly IReadOnlyList<(string Name, string Text, double Value)> summary;

    internal TrecEvalResult(TrecEvalOptions options, List<(string, IReadOnlyList<(string, double)>)> perQuery,
        IReadOnlyList<(string, string, double)> summary, IReadOnlyList<string> missingScoredZero, IReadOnlyList<string> missingIgnored,
        IReadOnlyList<string> noRelevant, IReadOnlyList<string> unjudgedInRun)
    {
        Options = options;
        this.perQuery = perQuery;
        this.summary = summary;
        MissingScoredZero = missingScoredZero;
        MissingIgnored = missingIgnored;
        NoRelevant = noRelevant;
        UnjudgedInRun = unjudgedInRun;
    }

    public TrecEvalOptions Options { get; }

    /// <summary>The queries averaged, in trec_eval's order.</summary>
    public IReadOnlyList<string> Queries => perQuery.Select(p => p.Query).ToArray();

    /// <summary>With <c>-c</c>: queries of the qrels the run lacks, averaged in with 0.</summary>
    public IReadOnlyList<string> MissingScoredZero { get; }

    /// <summary>Without <c>-c</c>: queries of the qrels the run lacks, left out of the means.</summary>
    public IReadOnlyList<string> MissingIgnored { get; }

    /// <summary>Averaged queries whose judgements hold no document at the relevance level (most measures 0).</summary>
    public IReadOnlyList<string> NoRelevant { get; }

    /// <summary>Queries of the run without any judgement: ignored, as trec_eval does.</summary>
    public IReadOnlyList<string> UnjudgedInRun { get; }

    /// <summary>A summary value by its printed name (<c>map</c>, <c>P_10</c>, <c>iprec_at_recall_0.50</c>, <c>num_rel</c>).</summary>
    public double Summary(string name) =>
        summary.FirstOrDefault(s => s.Name == name) is { Name: not null } s ? s.Value
            : throw new KeyNotFoundException($"measure '{name}' was not computed; computed: {string.Join(", ", summary.Select(x => x.Name))}");

    /// <summary>One query's value by its printed name.</summary>
    public double For(string query, string name)
    {
        var row = perQuery.FirstOrDefault(p => p.Query == query);
        if (row.Query is null) throw new KeyNotFoundException($"query '{query}' was not evaluated");
        var v = row.Values.FirstOrDefault(x => x.Name == name);
        return v.Name is not null ? v.Value : throw new KeyNotFoundException($"measure '{name}' has no per-query value");
    }

    /// <summary>trec_eval's output: with <see cref="TrecEvalOptions.PerQuery"/> one block per query first, then the "all" block.</summary>
    public void Write(TextWriter writer)
    {
        if (Options.PerQuery)
            foreach (var (query, values) in perQuery)
                foreach (var (name, value) in values)
                    writer.Write(Line(name, query, IsCount(name) ? ((long)value).ToString(CultureInfo.InvariantCulture) : Fixed4(value)));
        foreach (var (name, text, _) in summary) writer.Write(Line(name, "all", text));
    }

    /// <summary>What a reader of the figures should know about the queries behind them (one line each; none when nothing is unusual).</summary>
    public IEnumerable<string> Notes()
    {
        static string Some(IReadOnlyList<string> ids) => string.Join(", ", ids.Take(5)) + (ids.Count > 5 ? ", …" : "");
        static string Queries(IReadOnlyList<string> ids) => ids.Count == 1 ? "1 query" : $"{ids.Count} queries";
        if (MissingIgnored.Count > 0)
            yield return $"{Queries(MissingIgnored)} of the qrels not in the run, left out of the means (trec_eval's documented default; -c scores them 0): {Some(MissingIgnored)}";
        if (MissingScoredZero.Count > 0)
            yield return $"{Queries(MissingScoredZero)} of the qrels not in the run, scored 0 (-c): {Some(MissingScoredZero)}";
        if (NoRelevant.Count > 0)
            yield return $"{Queries(NoRelevant)} averaged without a document at relevance level ≥ {Options.RelevanceLevel}, scoring 0 on most measures as in trec_eval (dssm evaluate leaves such queries out): {Some(NoRelevant)}";
        if (UnjudgedInRun.Count > 0)
            yield return $"{Queries(UnjudgedInRun)} of the run without judgements, ignored: {Some(UnjudgedInRun)}";
    }

    public override string ToString()
    {
        var w = new StringWriter();
        Write(w);
        return w.ToString();
    }

    static bool IsCount(string name) => name is "num_q" or "num_ret" or "num_rel" or "num_rel_ret";

    static string Line(string name, string query, string value) => $"{name,-22}\t{query}\t{value}\n";

    /// <summary>
    /// A double with four decimals, rounded as C's <c>printf("%6.4f")</c> rounds under glibc: from the exact
    /// binary value, an exact tie to even. .NET's "F4" rounds a tie away from zero (0.03125 → 0.0313, glibc 0.0312),
    /// so the exact decimal value is worked out here with big integers.
    /// </summary>
    internal static string Fixed4(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return value.ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        exponent -= 1075;   // value = mantissa · 2^exponent
        var scaled = new BigInteger(mantissa) * 10_000;
        BigInteger q;
        if (exponent >= 0) q = scaled << exponent;
        else
        {
            q = scaled >> -exponent;
            var remainder = scaled - (q << -exponent);
            var half = BigInteger.One << (-exponent - 1);
            if (remainder > half || (remainder == half && !q.IsEven)) q += 1;
        }
        var digits = q.ToString(CultureInfo.InvariantCulture).PadLeft(5, '0');
        var text = new StringBuilder();
        if (negative && !q.IsZero) text.Append('-');
        return text.Append(digits[..^4]).Append('.').Append(digits[^4..]).ToString();
    }
}

using System.Globalization;
using System.Text;
using Dssm.Research.Evaluation;

namespace Dssm.Research.Experiments;

/// <summary>What <see cref="Comparison.Run"/> found: the two runs, the qrels and the queries behind the figures, and the paired tests.</summary>
public sealed record ComparisonReport(ComparedRun A, ComparedRun B, string Qrels, int MissingFromA, int MissingFromB, int SkippedNoRelevant, PairedComparison Result)
{
    public override string ToString()
    {
        var r = Result;
        var width = Math.Max(A.Name.Length, B.Name.Length);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{r.Metric} on {r.Queries} queries: those of {Qrels} with a relevant document");
        sb.Append(SkippedNoRelevant > 0 ? $" ({SkippedNoRelevant} without one left out)" : "").Append("; a query a run lacks scores 0 (trec_eval -c)\n");
        sb.Append(CultureInfo.InvariantCulture, $"  A  {A.Name.PadRight(width)}  mean {r.MeanA:F4}  ({A.RunFile}{Missing(MissingFromA)})\n");
        sb.Append(CultureInfo.InvariantCulture, $"  B  {B.Name.PadRight(width)}  mean {r.MeanB:F4}  ({B.RunFile}{Missing(MissingFromB)})\n");
        sb.Append(CultureInfo.InvariantCulture, $"  A − B               {r.Difference:+0.0000;−0.0000;0.0000}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  per query           A better {r.Wins}, tied {r.Ties}, B better {r.Losses}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  randomization test  p = {PairedComparison.FormatP(r.RandomizationP)}  ({r.RandomizationMethod})\n");
        sb.Append(CultureInfo.InvariantCulture, $"  paired t-test       p = {PairedComparison.FormatP(r.TTestP)}  (two-sided; t = {r.T:F3}, df = {r.DegreesOfFreedom})\n");
        return sb.ToString();
    }

    static string Missing(int n) => n > 0 ? $"; {n} queries missing, scored 0" : "";
}

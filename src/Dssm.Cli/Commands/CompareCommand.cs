using System.CommandLine;
using Dssm.Research.Evaluation;
using Dssm.Research.Experiments;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm compare</c>: Comparison.Run.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("A") { Description = "A run folder (its eval-SPLIT.json), an eval-*.json report, or a TREC run file from any system." };
        var b = new Argument<string>("B") { Description = "The same for the system compared against." };
        var qrels = new Option<string?>("--qrels") { Description = "Judgements (TREC qrels or BEIR qrels/SPLIT.tsv); needed for plain run files." };
        var metric = new Option<string>("--metric") { Description = "Per-query measure: ndcg@k, mrr, map, p@k, recall@k.", DefaultValueFactory = _ => "ndcg@10" };
        var split = new Option<string>("--split") { Description = "Split of the run folders' evaluation reports.", DefaultValueFactory = _ => "test" };
        var permutations = new Option<int>("--permutations") { Description = "Random sign flips of the randomization test (all are enumerated when 2^queries is at most this).", DefaultValueFactory = _ => 10_000 };
        var seed = CommonOptions.Seed();
        var command = new Command("compare", "Two systems on the same queries: per-query wins/ties/losses, the means and their difference, a two-sided paired randomization test and a paired t-test.")
            { a, b, qrels, metric, split, permutations, seed };
        command.SetAction(parse =>
        {
            var report = Comparison.Run(parse.GetValue(a)!, parse.GetValue(b)!, parse.GetValue(qrels), parse.GetValue(metric)!, parse.GetValue(split)!,
                new ComparisonOptions { Permutations = parse.GetValue(permutations), Seed = parse.GetValue(seed) });
            Console.Write(report.ToString());
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using Dssm.Research.Evaluation;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm score</c>: TrecEval.Score — trec_eval's measures for any TREC run.</summary>
public static class ScoreCommand
{
    public static Command Create()
    {
        var qrels = new Option<string>("--qrels") { Description = "Judgements: TREC qrels (qid 0 docid rel) or a BEIR qrels/SPLIT.tsv.", Required = true };
        var run = new Option<string>("--run") { Description = "TREC run file (qid Q0 docid rank score tag), from the kit or any other system.", Required = true };
        var metrics = new Option<string[]>("--metrics", "-m")
        {
            Description = "trec_eval's measure names (official, all, map, P.5,10, ndcg_cut.10, iprec_at_recall, bpref, …) or the kit's (ndcg@10, mrr).",
            DefaultValueFactory = _ => ["official"], AllowMultipleArgumentsPerToken = true,
        };
        var perQuery = new Option<bool>("--per-query", "-q") { Description = "Also print one block per query (trec_eval -q)." };
        var complete = new Option<bool>("--complete", "-c") { Description = "Average over every query of the qrels; a query the run lacks scores 0 (trec_eval -c)." };
        var level = new Option<int>("--relevance-level", "-l") { Description = "Lowest relevance level that counts as relevant (trec_eval -l).", DefaultValueFactory = _ => 1 };
        var command = new Command("score", "trec_eval's measures for a TREC run, printed in trec_eval's layout (measure, query or 'all', value).")
            { qrels, run, metrics, perQuery, complete, level };
        command.SetAction(parse =>
        {
            var options = new TrecEvalOptions
            {
                Measures = TrecMeasure.Parse(parse.GetValue(metrics)!), PerQuery = parse.GetValue(perQuery),
                Complete = parse.GetValue(complete), RelevanceLevel = parse.GetValue(level),
            };
            var result = TrecEval.Score(parse.GetValue(qrels)!, parse.GetValue(run)!, options);
            Console.Write(result.ToString());
            foreach (var note in result.Notes()) Console.Error.WriteLine($"note: {note}");
            return 0;
        });
        return command;
    }
}

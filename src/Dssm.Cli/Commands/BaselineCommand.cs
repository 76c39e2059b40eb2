using System.CommandLine;
using System.Text.Json;
using Dssm.Research.Evaluation;
using Dssm.Research.Experiments;
using Dssm.Research.Text;
using Dssm.Research.Training;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm baseline bm25|tfidf</c>: Experiment.Baseline.</summary>
public static class BaselineCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = "bm25 (k1 0.9, b 0.4, Lucene idf) or tfidf (cosine)." };
        var data = new Option<string?>("--data") { Description = "Dataset folder (BEIR layout)." };
        var pairs = new Option<string?>("--pairs") { Description = "tfidf only: rows label<TAB>query<TAB>doc instead of --data; prints the AUC and tuned accuracy of the word and character TF-IDF cosines." };
        var devPairs = new Option<string?>("--dev-pairs") { Description = "With --pairs: rows that tune the accuracy threshold (else --pairs itself, labelled 'self')." };
        var split = new Option<string>("--split") { Description = "Split to evaluate on.", DefaultValueFactory = _ => "test" };
        var candidates = new Option<string?>("--candidates") { Description = "qid<TAB>docid lines to re-rank instead of searching the corpus." };
        var runFile = new Option<string?>("--run-file") { Description = "Where to write the TREC run." };
        var metrics = new Option<string>("--metrics") { Description = "Comma-separated metrics.", DefaultValueFactory = _ => "ndcg@1,ndcg@3,ndcg@10,mrr,map" };
        var analyzer = new Option<string>("--analyzer") { Description = "lucene (default: Anserini's analysis — stop words, Porter stemming; Han bigrams) | lucene-jieba (jieba words for Chinese) | english | smartcn | cjk | plain (the --tokenizer's words, unstemmed).", DefaultValueFactory = _ => "lucene" };
        var tokenizer = new Option<string>("--tokenizer") { Description = "With --analyzer plain: english | chinese | chinese-chars | mixed (the model's default: mixed).", DefaultValueFactory = _ => "mixed" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("baseline", "The lexical baselines of the paper's Table 2 on the same data: BM25 or TF-IDF, by default with Anserini's stemmed analysis.")
            { kind, data, pairs, devPairs, split, candidates, runFile, metrics, analyzer, tokenizer, json };
        command.SetAction(parse =>
        {
            var baseline = BaselineOptions.ParseKind(parse.GetValue(kind)!);
            if (parse.GetValue(pairs) is { } pairsFile)
            {
                if (baseline != BaselineKind.TfIdf) throw new ArgumentException("--pairs scores each row's two texts with the TF-IDF cosine: use dssm baseline tfidf");
                var results = PairBaseline.TfIdf(pairsFile, parse.GetValue(devPairs), AnalyzerFactory.Parse(parse.GetValue(analyzer)!), TokenizerFactory.Parse(parse.GetValue(tokenizer)!));
                Console.Write(parse.GetValue(json) ? JsonSerializer.Serialize(results, Json.Options) + "\n" : string.Join("\n", results.Select(r => r.ToText())));
                return 0;
            }
            var report = Experiment.Baseline(baseline, parse.GetValue(data) ?? throw new ArgumentException("give --data DIR (or, for tfidf, --pairs FILE.tsv)"), parse.GetValue(split)!,
                TokenizerFactory.Parse(parse.GetValue(tokenizer)!), parse.GetValue(candidates), parse.GetValue(runFile),
                RankingMetric.ParseList(parse.GetValue(metrics)!), command: TrainingOptionsBinder.CommandLine(),
                analyzer: AnalyzerFactory.Parse(parse.GetValue(analyzer)!));
            EvaluateCommand.Print(report, parse.GetValue(json));
            return 0;
        });
        return command;
    }
}

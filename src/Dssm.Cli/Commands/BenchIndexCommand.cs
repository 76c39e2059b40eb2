using System.CommandLine;
using Dssm.Research.Experiments;
using Dssm.Research.Retrieval;
using Dssm.Research.Text;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm bench index</c> (<see cref="IndexBenchmark"/>).</summary>
public static class BenchIndexCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Run folder of a trained DSSM (its dataset's words make the corpus).", Required = true };
        var documents = new Option<int>("--documents") { Description = "Documents to generate and encode.", DefaultValueFactory = _ => 100_000 };
        var queries = new Option<int>("--queries") { Description = "Queries (the dataset's) to search with.", DefaultValueFactory = _ => 1000 };
        var efs = new Option<string>("--efs") { Description = "Comma-separated ef values to search with.", DefaultValueFactory = _ => "16,32,64,128,256" };
        var texts = new Option<string>("--texts") { Description = "words (bags of the corpus's words) | passages (runs of one document's words, a fifth replaced).", DefaultValueFactory = _ => "words" };
        var hnsw = new HnswOptionsBinder();
        var command = new Command("index", "Exact search vs HNSW on a generated corpus encoded by a trained model: build time, memory, queries/s, recall@10.")
            { model, documents, queries, efs, texts, hnsw.Connectivity, hnsw.ExpansionAdd, hnsw.Threads };
        command.SetAction(parse =>
        {
            var options = new HnswOptions { Connectivity = parse.GetValue(hnsw.Connectivity), ExpansionAdd = parse.GetValue(hnsw.ExpansionAdd), Threads = parse.GetValue(hnsw.Threads) };
            var list = parse.GetValue(efs)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
            IndexBenchmark.Run(parse.GetValue(model)!, parse.GetValue(documents), parse.GetValue(queries), options, list, Console.Out,
                OptionName.Parse<BenchmarkTexts>(parse.GetValue(texts)!, "texts"));
            return 0;
        });
        return command;
    }
}

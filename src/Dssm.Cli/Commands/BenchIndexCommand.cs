using System.CommandLine;
using Dssm.Research.Experiments;
using Dssm.Research.Retrieval;

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
        var hnsw = new HnswOptionsBinder();
        var command = new Command("index", "Exact search vs HNSW on a generated corpus encoded by a trained model: build time, memory, queries/s, recall@10.")
            { model, documents, queries, efs, hnsw.Connectivity, hnsw.ExpansionAdd };
        command.SetAction(parse =>
        {
            var options = new HnswOptions { Connectivity = parse.GetValue(hnsw.Connectivity), ExpansionAdd = parse.GetValue(hnsw.ExpansionAdd) };
            var list = parse.GetValue(efs)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
            IndexBenchmark.Run(parse.GetValue(model)!, parse.GetValue(documents), parse.GetValue(queries), options, list, Console.Out);
            return 0;
        });
        return command;
    }
}

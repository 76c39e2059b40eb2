using System.CommandLine;
using Dssm.Research.Experiments;
using Dssm.Research.Retrieval;
using Dssm.Research.Runtime;
using Dssm.Research.Serving;
using Dssm.Research.Text;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm encode</c> (<see cref="SemanticSearch.Encode"/>) and <c>dssm search</c> (<see cref="SemanticSearch.Search"/>).</summary>
public static class SearchCommands
{
    public static Command Encode()
    {
        var model = new Option<string>("--model") { Description = "Run folder of a trained model (--engine torch) or a dssm export onnx folder (--engine onnx).", Required = true };
        var data = new Option<string?>("--data") { Description = "Dataset folder (default: the one the model was trained on)." };
        var engine = Engine();
        var format = new Option<string>("--format") { Description = "index (the kit's checksummed index file, for dssm search --index) | parquet (id, vector, text_sha256 columns, for Spark, DuckDB and vector stores).", DefaultValueFactory = _ => "index" };
        var output = new Option<string>("--out") { Description = "File to write: an embedding index (--format index) or a Parquet file (--format parquet).", Required = true };
        var device = CommonOptions.Device();
        var hnsw = new HnswOptionsBinder();
        var command = new Command("encode", "Encode a corpus with the document tower into an embedding index file or an HNSW graph (for dssm search --index), or a Parquet file.") { model, data, output, device, engine, format };
        hnsw.AddTo(command);
        command.SetAction(parse =>
        {
            var index = SemanticSearch.Encode(parse.GetValue(model)!, parse.GetValue(data), parse.GetValue(output)!, Devices.Parse(parse.GetValue(device)!),
                OptionName.Parse<EncoderEngine>(parse.GetValue(engine)!, "engine"), OptionName.Parse<VectorFormat>(parse.GetValue(format)!, "format"),
                hnsw.Kind(parse), hnsw.Options(parse));
            Console.WriteLine($"{index.Count} documents × {index.Dimension} dimensions → {Path.GetFullPath(parse.GetValue(output)!)}");
            return 0;
        });
        return command;
    }

    public static Command Search()
    {
        var model = new Option<string>("--model") { Description = "Run folder of a trained model (--engine torch) or a dssm export onnx folder (--engine onnx).", Required = true };
        var engine = Engine();
        var query = new Option<string[]>("--query") { Description = "Query text (repeatable). Without it, queries are read from stdin, one a line.", AllowMultipleArgumentsPerToken = false };
        var depth = CommonOptions.Depth(10, "Documents to show per query.");
        depth.Aliases.Add("--top");
        var data = new Option<string?>("--data") { Description = "Dataset folder (default: the one the model was trained on)." };
        var indexFile = new Option<string?>("--index") { Description = "Embedding index or HNSW graph from dssm encode (skips encoding the corpus)." };
        var device = CommonOptions.Device();
        var ef = new HnswOptionsBinder().ExpansionSearch;
        var command = new Command("search", "Top-k documents by cosine for queries typed on the command line or stdin.") { model, query, depth, data, indexFile, device, engine, ef };
        command.SetAction(parse =>
        {
            using var search = SemanticSearch.Open(parse.GetValue(model)!, parse.GetValue(data), parse.GetValue(indexFile), Devices.Parse(parse.GetValue(device)!),
                OptionName.Parse<EncoderEngine>(parse.GetValue(engine)!, "engine"), parse.GetValue(ef));
            var queries = parse.GetValue(query) is { Length: > 0 } given ? given : ReadLines(Console.In).ToArray();
            foreach (var result in search.Search(queries, parse.GetValue(depth))) Console.Write(result.ToText());
            return 0;
        });
        return command;
    }

    static Option<string> Engine() => new("--engine")
    {
        Description = "torch (the run folder on TorchSharp) | onnx (a dssm export onnx folder on ONNX Runtime, no libtorch).",
        DefaultValueFactory = _ => "torch",
    };

    static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line) if (line.Trim().Length > 0) yield return line.Trim();
    }
}

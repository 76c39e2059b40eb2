using System.CommandLine;
using System.Text.Json;
using Dssm.Research.Data;
using Dssm.Research.Experiments;
using Dssm.Research.Models;
using Dssm.Research.Retrieval;
using Dssm.Research.Runtime;
using Dssm.Research.Training;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm encode</c> (corpus → embedding index file) and <c>dssm search</c> (interactive top-k).</summary>
public static class SearchCommands
{
    static string DataOf(string runDir, string? data)
    {
        if (data is not null) return data;
        using var cfg = JsonDocument.Parse(File.ReadAllText(new RunFolder(runDir).ConfigPath));
        return cfg.RootElement.GetProperty("provenance").TryGetProperty("data", out var d) ? d.GetString()! : throw new ArgumentException("the run has no dataset recorded; give --data DIR");
    }

    public static Command Encode()
    {
        var model = new Option<string>("--model") { Description = "Run folder of a trained model.", Required = true };
        var data = new Option<string?>("--data") { Description = "Dataset folder (default: the one the model was trained on)." };
        var output = new Option<string>("--out") { Description = "Embedding index file to write (ids + unit vectors, checksummed).", Required = true };
        var device = CommonOptions.Device();
        var command = new Command("encode", "Encode a corpus with the document tower into an embedding index file (for dssm search --index).") { model, data, output, device };
        command.SetAction(parse =>
        {
            using var m = TrainedModel.Load(parse.GetValue(model)!, TorchRuntime.ParseDevice(parse.GetValue(device)!));
            var ds = BeirDataset.Load(DataOf(m.RunDirectory, parse.GetValue(data)));
            var index = EmbeddingIndex.Encode(ds.Documents.Select(d => (d.Id, d.FullText)).ToList(), t => m.Encode(t, TextSide.Document));
            index.Save(parse.GetValue(output)!);
            Console.WriteLine($"{index.Count} documents × {index.Dimension} dimensions → {Path.GetFullPath(parse.GetValue(output)!)}");
            return 0;
        });
        return command;
    }

    public static Command Search()
    {
        var model = new Option<string>("--model") { Description = "Run folder of a trained model.", Required = true };
        var query = new Option<string[]>("--query") { Description = "Query text (repeatable). Without it, queries are read from stdin, one a line.", AllowMultipleArgumentsPerToken = false };
        var depth = CommonOptions.Depth(10, "Documents to show per query.");
        depth.Aliases.Add("--top");
        var data = new Option<string?>("--data") { Description = "Dataset folder (default: the one the model was trained on)." };
        var indexFile = new Option<string?>("--index") { Description = "Embedding index from dssm encode (skips encoding the corpus)." };
        var device = CommonOptions.Device();
        var command = new Command("search", "Top-k documents by cosine for queries typed on the command line or stdin.") { model, query, depth, data, indexFile, device };
        command.SetAction(parse =>
        {
            using var m = TrainedModel.Load(parse.GetValue(model)!, TorchRuntime.ParseDevice(parse.GetValue(device)!));
            var ds = BeirDataset.Load(DataOf(m.RunDirectory, parse.GetValue(data)));
            var index = parse.GetValue(indexFile) is { } f ? EmbeddingIndex.Load(f)
                : EmbeddingIndex.Encode(ds.Documents.Select(d => (d.Id, d.FullText)).ToList(), t => m.Encode(t, TextSide.Document));
            var queries = parse.GetValue(query) is { Length: > 0 } given ? given : ReadLines(Console.In).ToArray();
            foreach (var q in queries)
            {
                Console.WriteLine($"query: {q}");
                var hits = index.Search(m.Encode([q], TextSide.Query)[0], parse.GetValue(depth));
                var rank = 0;
                foreach (var hit in hits)
                {
                    var text = ds.TryGetDocument(hit.DocId, out var doc) ? doc.FullText : "";
                    Console.WriteLine($"{++rank,4}  {hit.Score:F4}  {hit.DocId}  {(text.Length > 90 ? text[..90] + "…" : text)}");
                }
            }
            return 0;
        });
        return command;
    }

    static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line) if (line.Trim().Length > 0) yield return line.Trim();
    }
}

using System.Text.Json;
using Dssm.Research.Data;
using Dssm.Research.Experiments;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Serving;
using Microsoft.ML.OnnxRuntime;

namespace Dssm.Research.Tests.Serving;

/// <summary>
/// Export → ONNX Runtime gives the kit's own unit vectors: two tiny runs on the embedded dataset (the paper's
/// separate towers on a fitted vocabulary; one shared GELU tower on hashed features with Chinese characters) are
/// exported, and the graphs run on the kit's ids must match <see cref="TrainedModel.Encode"/> to 1e-5 on the
/// dataset's queries and documents.
/// </summary>
public sealed class OnnxExportTests : IClassFixture<OnnxExportTests.Runs>
{
    public sealed class Runs : IDisposable
    {
        public readonly string Root = Path.Combine(Path.GetTempPath(), "dssm-onnx-" + Guid.NewGuid().ToString("N"));
        public readonly string Data = Path.Combine(DssmCli.Repo(), "datasets", "semantic-clicks");
        public string Separate => Path.Combine(Root, "separate");
        public string Shared => Path.Combine(Root, "shared");

        public Runs()
        {
            Directory.CreateDirectory(Root);
            Train(Separate, null);
            var config = Path.Combine(Root, "shared.json");
            File.WriteAllText(config, """
                { "towers": { "hidden": [64, 48], "output": 32, "activation": "gelu", "sharedTowers": true },
                  "hashing": { "mode": "hashing", "buckets": 4096, "chineseCharacters": true, "weighting": "binary", "tokenizer": "mixed" } }
                """);
            Train(Shared, config);
        }

        void Train(string run, string? config)
        {
            string[] args = ["train", "--data", Data, "--out", run, "--epochs", "1", "--max-steps-per-epoch", "6", "--batch", "32", "--quiet"];
            args = config is not null ? [.. args, "--config", config] : [.. args, "--recipe", "paper"];   // the paper's two towers
            var (code, output) = DssmCli.Run(args);
            Assert.True(code == 0, output);
        }

        public void Dispose() { if (Directory.Exists(Root)) Directory.Delete(Root, true); }
    }

    readonly Runs runs;
    public OnnxExportTests(Runs runs) => this.runs = runs;

    (List<string> Queries, List<string> Documents) Texts()
    {
        var data = BeirDataset.Load(runs.Data);
        return (data.Queries.Values.Take(120).Append("").Append("Ünïcödé ﬁle 北京市 3.5 ok").ToList(),
                data.Documents.Take(120).Select(d => d.FullText).ToList());
    }

    [Theory]
    [InlineData("separate")]
    [InlineData("shared")]
    public void Onnx_runtime_on_the_exported_towers_gives_the_kits_vectors_to_1e_5(string which)
    {
        var run = which == "shared" ? runs.Shared : runs.Separate;
        var export = Path.Combine(runs.Root, which + "-onnx");
        ModelExport.Onnx(run, export);
        using var torch = TrainedModel.Load(run, DeviceChoice.Cpu);
        using var onnx = OnnxEncoder.Load(export, threads: 1);
        Assert.Equal(torch.Dimension, onnx.Dimension);
        var (queries, documents) = Texts();
        foreach (var (texts, side) in new[] { (queries, TextSide.Query), (documents, TextSide.Document) })
        {
            var expected = torch.Encode(texts, side);
            var actual = onnx.Encode(texts, side, batchSize: 50);   // several batches, each sorted by length and put back
            Assert.Equal(expected.Length, actual.Length);
            var worst = 0.0;
            for (var i = 0; i < texts.Count; i++)
                for (var j = 0; j < torch.Dimension; j++) worst = Math.Max(worst, Math.Abs(expected[i][j] - actual[i][j]));
            Assert.True(worst <= 1e-5, $"{which} {side}: largest difference {worst:G3}");
            Assert.All(actual, v => Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 4));
        }
    }

    [Fact]
    public void Shared_towers_export_one_graph_and_say_so_in_the_manifest()
    {
        var export = Path.Combine(runs.Root, "shared-manifest");
        var files = ModelExport.Onnx(runs.Shared, export).Select(Path.GetFileName).ToList();
        Assert.Contains(OnnxExport.QueryFile, files);
        Assert.DoesNotContain(OnnxExport.DocumentFile, files);
        Assert.DoesNotContain(OnnxExport.VocabularyFile, files);   // hashing mode: the parameters are in the manifest
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(export, OnnxExport.ManifestFile)));
        var root = manifest.RootElement;
        Assert.True(root.GetProperty("towers").GetProperty("shared").GetBoolean());
        Assert.Equal(OnnxExport.QueryFile, root.GetProperty("towers").GetProperty("document").GetString());
        Assert.Equal(4096, root.GetProperty("features").GetProperty("hashing").GetProperty("buckets").GetInt32());
        Assert.Equal("binary", root.GetProperty("features").GetProperty("weighting").GetString());
        Assert.True(root.GetProperty("features").GetProperty("chinese").GetProperty("characters").GetBoolean());
    }

    [Fact]
    public void The_separate_export_has_the_vocabulary_file_the_manifest_names_and_a_model_card_with_the_runs_metrics()
    {
        var export = Path.Combine(runs.Root, "separate-card");
        ModelExport.Onnx(runs.Separate, export);
        using var torch = TrainedModel.Load(runs.Separate, DeviceChoice.Cpu);
        var lines = File.ReadAllLines(Path.Combine(export, OnnxExport.VocabularyFile));
        Assert.Equal(torch.Hasher.Dimension - 1, lines.Length);   // id 0, the unknown feature, has no line
        for (var id = 1; id <= 5; id++) Assert.Equal($"{id}\tngram\t{torch.Hasher.FeatureName(id)}", lines[id - 1]);
        var card = File.ReadAllText(Path.Combine(export, OnnxExport.CardFile));
        Assert.Contains("dev_ndcg@10", card);
        Assert.Contains(runs.Data, card);
        Assert.Contains("onnxruntime", card);
        Assert.Contains("\"sharedTowers\": false", card);
    }

    [Fact]
    public void The_graph_declares_padded_int64_ids_and_float_weights_and_a_unit_embedding()
    {
        var export = Path.Combine(runs.Root, "separate-meta");
        ModelExport.Onnx(runs.Separate, export);
        using var session = new InferenceSession(Path.Combine(export, OnnxExport.QueryFile));
        Assert.Equal(typeof(long), session.InputMetadata["ids"].ElementType);
        Assert.Equal(typeof(float), session.InputMetadata["weights"].ElementType);
        Assert.Equal([-1, -1], session.InputMetadata["ids"].Dimensions);
        Assert.Equal([-1, 128], session.OutputMetadata["embedding"].Dimensions);
        Assert.Equal("query", session.ModelMetadata.CustomMetadataMap["dssm.side"]);
    }

    [Fact]
    public void Encode_to_parquet_through_onnx_gives_the_vectors_of_the_torch_index_file()
    {
        var export = Path.Combine(runs.Root, "separate-parquet");
        ModelExport.Onnx(runs.Separate, export);
        var parquet = Path.Combine(runs.Root, "vectors.parquet");
        var indexFile = Path.Combine(runs.Root, "torch.index");
        var (code, output) = DssmCli.Run(["encode", "--engine", "onnx", "--model", export, "--format", "parquet", "--out", parquet]);   // the run's dataset, from the export's config.json
        Assert.True(code == 0, output);
        (code, output) = DssmCli.Run(["encode", "--model", runs.Separate, "--data", runs.Data, "--out", indexFile]);
        Assert.True(code == 0, output);
        var (ids, vectors, hashes, meta) = Dssm.Research.Retrieval.ParquetVectors.Read(parquet);
        var index = Dssm.Research.Retrieval.EmbeddingIndex.Load(indexFile);
        Assert.Equal(index.Ids, ids);
        var data = BeirDataset.Load(runs.Data);
        for (var i = 0; i < ids.Length; i += 97)
        {
            var expected = index.Vector(ids[i]).ToArray();
            Assert.All(expected.Zip(vectors[i]), p => Assert.Equal(p.First, p.Second, 1e-5f));
            Assert.True(data.TryGetDocument(ids[i], out var doc));
            Assert.Equal(Dssm.Research.Retrieval.ParquetVectors.TextHash(doc.FullText), hashes[i]);
        }
        Assert.Equal("onnx", meta["dssm.engine"]);
    }

    [Fact]
    public void An_hnsw_index_from_encode_serves_search_and_evaluate_over_the_full_corpus()
    {
        var graph = Path.Combine(runs.Root, "corpus.hnsw");
        var (code, output) = DssmCli.Run(["encode", "--model", runs.Separate, "--index", "hnsw", "--out", graph]);
        Assert.True(code == 0, output);
        Assert.True(File.Exists(graph + ".ids"));
        string[] query = ["--query", "cheap flights to paris", "--top", "5"];
        var (_, exact) = DssmCli.Run(["search", "--model", runs.Separate, .. query]);
        var (hnswCode, approximate) = DssmCli.Run(["search", "--model", runs.Separate, "--index", graph, .. query]);
        Assert.True(hnswCode == 0, approximate);
        string Ids(string text) => string.Join(" ", text.Split('\n').Where(l => l.StartsWith("   ", StringComparison.Ordinal)).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]));
        Assert.Equal(5, Ids(exact).Split(' ').Count(id => id.Length > 0));
        Assert.Equal(Ids(exact), Ids(approximate));   // 2,320 documents: the graph finds the exact top 5
        var (evalCode, evaluated) = DssmCli.Run(["evaluate", "--model", runs.Separate, "--data", runs.Data, "--split", "test", "--index", "hnsw", "--run-file", Path.Combine(runs.Root, "hnsw.trec"), "--json"]);
        Assert.True(evalCode == 0, evaluated);
        Assert.Contains("ndcg@10", evaluated);
    }

    [Fact]
    public void A_cdssm_is_refused_with_a_message_that_says_why()
    {
        using var model = ModelFactory.Create(ModelKind.Cdssm, 50, new DssmOptions { Hidden = [8], Output = 4, Convolution = 8 });
        var e = Assert.Throws<NotSupportedException>(() => TowerWeights.Of(model, "query"));
        Assert.Contains("DSSM towers only", e.Message);
        Assert.Contains("Cdssm", e.Message);
    }
}

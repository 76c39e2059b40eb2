using System.Text.Json;
using Dssm.Research.Models;
using Dssm.Research.Text;
using Dssm.Research.Training;

namespace Dssm.Research.Serving;

/// <summary>
/// <c>dssm export onnx</c>: a trained DSSM's towers and featurizer in forms other languages and engines read —
/// <c>query.onnx</c> and <c>document.onnx</c> (<see cref="OnnxTowerGraph"/>; with shared towers, <c>query.onnx</c>
/// only, serving both sides), <c>featurizer.json</c> (<see cref="FeaturizerManifest"/>: how a text becomes ids and
/// weights), <c>vocabulary.tsv</c> (vocabulary mode), the kit's own <c>word-hasher.txt</c> (read by
/// <see cref="OnnxEncoder"/>), the run's <c>config.json</c>, and <c>model-card.md</c> (<see cref="ModelCard"/>).
/// TorchSharp has no ONNX exporter, so the graph is written from the weights.
/// </summary>
public static class OnnxExport
{
    public const string QueryFile = "query.onnx", DocumentFile = "document.onnx", ManifestFile = "featurizer.json",
        VocabularyFile = "vocabulary.tsv", CardFile = "model-card.md", ConfigFile = "config.json";

    /// <summary>Writes the export of <paramref name="model"/> (loaded from <paramref name="run"/>) into <paramref name="outDirectory"/>; returns the files written.</summary>
    /// <exception cref="NotSupportedException">the model is a CDSSM, or too large for one ONNX file.</exception>
    public static IReadOnlyList<string> Write(ISemanticModel model, WordHasher hasher, RunFolder run, string outDirectory)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(run);
        var shared = model is TwoTowerModel { Options.SharedTowers: true };
        var query = TowerWeights.Of(model, "query");   // throws first for a CDSSM, before anything is written
        var document = shared ? null : TowerWeights.Of(model, "document");
        Directory.CreateDirectory(outDirectory);
        var written = new List<string>();
        string At(string name) { var p = Path.Combine(outDirectory, name); written.Add(p); return p; }

        var meta = new Dictionary<string, string>
        {
            ["dssm.run"] = run.Directory,
            ["dssm.featurizer"] = ManifestFile,
            ["dssm.shared_towers"] = shared ? "true" : "false",
        };
        OnnxTowerGraph.Save(OnnxTowerGraph.Build(query, "dssm_query_tower",
            shared ? "DSSM tower (shared by queries and documents): padded ids + weights → unit semantic vector" : "DSSM query tower: padded ids + weights → unit semantic vector",
            new Dictionary<string, string>(meta) { ["dssm.side"] = shared ? "query,document" : "query" }), At(QueryFile));
        if (document is not null)
            OnnxTowerGraph.Save(OnnxTowerGraph.Build(document, "dssm_document_tower", "DSSM document tower: padded ids + weights → unit semantic vector",
                new Dictionary<string, string>(meta) { ["dssm.side"] = "document" }), At(DocumentFile));
        else if (File.Exists(Path.Combine(outDirectory, DocumentFile))) File.Delete(Path.Combine(outDirectory, DocumentFile));   // a stale one would be read as the document tower

        hasher.Save(At(WordHasher.FileName));
        if (hasher.Vocabulary is { } vocabulary) FeaturizerManifest.WriteVocabulary(vocabulary, At(VocabularyFile));
        var manifest = FeaturizerManifest.Describe(hasher, query, shared);
        File.WriteAllText(At(ManifestFile), JsonSerializer.Serialize(manifest, Json.Indented) + "\n");
        File.Copy(run.ConfigPath, At(ConfigFile), overwrite: true);
        File.WriteAllText(At(CardFile), ModelCard.Write(run, hasher, query, shared));
        return written;
    }
}

using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Dssm.Research.Text;
using Dssm.Research.Training;

namespace Dssm.Research.Serving;

/// <summary>
/// <c>model-card.md</c> of an export: the data the run trained on, its options (config.json), its metrics
/// (metrics.jsonl: the final record and the best dev record), the versions that made it, and how to call the
/// graphs from Python's onnxruntime and from C#.
/// </summary>
public static class ModelCard
{
    public static string Write(RunFolder run, WordHasher hasher, TowerWeights tower, bool sharedTowers)
    {
        ArgumentNullException.ThrowIfNull(run);
        var s = new StringBuilder();
        var provenance = run.ReadProvenance();
        s.AppendLine($"# DSSM model card: {Path.GetFileName(run.Directory)}").AppendLine();
        s.AppendLine("A DSSM (Huang et al., CIKM 2013) trained with Dssm.Research and exported to ONNX. Each tower maps a text's")
         .AppendLine("featurized bag (ids + weights, `featurizer.json`) to a unit-length semantic vector; the relevance of a")
         .AppendLine("document to a query is the dot product of their vectors (cosine).").AppendLine();

        s.AppendLine("## Data").AppendLine();
        s.AppendLine($"- run folder: `{run.Directory}`");
        s.AppendLine($"- dataset: `{provenance.Data ?? "(not recorded)"}`");
        if (provenance.Pairs is not null) s.AppendLine($"- pairs: `{provenance.Pairs}`");
        s.AppendLine($"- training split: {provenance.Split ?? "(not recorded)"}");
        if (provenance.Command is not null) s.AppendLine($"- command: `{provenance.Command}`");
        s.AppendLine();

        s.AppendLine("## Model").AppendLine();
        s.AppendLine($"- towers: {(sharedTowers ? "one shared tower (`query.onnx` serves queries and documents)" : "separate query (`query.onnx`) and document (`document.onnx`) towers")}");
        s.AppendLine($"- layers: {tower.Inputs} inputs → {tower.Width}{string.Concat(tower.Layers.Select(l => $" → {l.Out}"))}, activation {tower.Activation.ToString().ToLowerInvariant()}, then L2 normalisation");
        s.AppendLine($"- featurizer: {(hasher.Options.Mode == WordHashingMode.Vocabulary ? $"letter {hasher.Options.N}-grams, vocabulary of {hasher.Dimension} ids (`vocabulary.tsv`, id 0 unknown)" : $"letter {hasher.Options.N}-grams hashed into {hasher.Options.Buckets} buckets")}, tokenizer {TokenizerFactory.NameOf(hasher.Options.Tokenizer)}, weights {(hasher.Options.Weighting == FeatureWeighting.Counts ? "counts" : "binary")}");
        s.AppendLine();

        s.AppendLine("## Options (config.json)").AppendLine();
        s.AppendLine("```json");
        using (var config = JsonDocument.Parse(File.ReadAllText(run.ConfigPath)))
            s.AppendLine(config.RootElement.TryGetProperty("options", out var options) ? JsonSerializer.Serialize(options, Json.Indented) : "{}");
        s.AppendLine("```").AppendLine();

        s.AppendLine("## Metrics (metrics.jsonl)").AppendLine();
        AppendMetrics(s, run.MetricsPath);

        s.AppendLine("## Versions").AppendLine();
        var assembly = typeof(ModelCard).Assembly;
        string Meta(string key) => assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value ?? "?";
        s.AppendLine($"- Dssm.Research {assembly.GetName().Version}, TorchSharp {Meta("TorchSharpVersion")} (libtorch {Meta("LibTorchVersion")}) for training");
        s.AppendLine($"- ONNX opset {OnnxTowerGraph.Opset}, IR version {OnnxTowerGraph.IrVersion}; checked with Microsoft.ML.OnnxRuntime 1.31.1");
        s.AppendLine($"- exported {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}").AppendLine();

        s.AppendLine("## How to call it").AppendLine();
        s.AppendLine("Inputs `ids` (int64) and `weights` (float32), both `(batch, length)`: each text's distinct feature ids and");
        s.AppendLine("their weights, padded with id 0 and weight 0. Output `embedding` (float32, `(batch, D)`), unit rows.").AppendLine();
        s.AppendLine("Python (`pip install onnxruntime numpy`; the featurizer below follows `featurizer.json` for English text in");
        s.AppendLine("vocabulary mode — the kit's C# `WordHasher` is the reference, e.g. for Chinese segmentation):").AppendLine();
        s.AppendLine("```python");
        s.AppendLine("import json, re, unicodedata, numpy as np, onnxruntime as ort");
        s.AppendLine("spec = json.load(open('featurizer.json'))");
        s.AppendLine("n = spec['features']['letter_ngrams']['n']");
        s.AppendLine("vocab = {}");
        s.AppendLine("for line in open('vocabulary.tsv', encoding='utf-8'):");
        s.AppendLine("    i, kind, feature = line.rstrip('\\n').split('\\t')");
        s.AppendLine("    vocab[(kind, feature)] = int(i)");
        s.AppendLine("def bag(text):");
        s.AppendLine("    counts = {}");
        s.AppendLine("    for word in re.findall(r'[^\\W_]+', unicodedata.normalize('NFKC', text).lower()):");
        s.AppendLine("        marked = '#' + word + '#'");
        s.AppendLine("        grams = [marked] if len(marked) <= n else [marked[i:i + n] for i in range(len(marked) - n + 1)]");
        s.AppendLine("        for g in grams:");
        s.AppendLine("            i = vocab.get(('ngram', g), 0)  # 0: unknown (count_unknown)");
        s.AppendLine("            counts[i] = counts.get(i, 0) + 1");
        s.AppendLine("    return counts");
        s.AppendLine("def encode(session, texts):");
        s.AppendLine("    bags = [bag(t) for t in texts]");
        s.AppendLine("    length = max(1, max(len(b) for b in bags))");
        s.AppendLine("    ids = np.zeros((len(texts), length), np.int64); weights = np.zeros((len(texts), length), np.float32)");
        s.AppendLine("    for r, b in enumerate(bags):");
        s.AppendLine("        ids[r, :len(b)] = list(b.keys()); weights[r, :len(b)] = list(b.values())");
        s.AppendLine("    return session.run(['embedding'], {'ids': ids, 'weights': weights})[0]");
        s.AppendLine($"q = encode(ort.InferenceSession('{OnnxExport.QueryFile}'), ['how to list files'])");
        s.AppendLine($"d = encode(ort.InferenceSession('{(sharedTowers ? OnnxExport.QueryFile : OnnxExport.DocumentFile)}'), ['ls lists directory contents'])");
        s.AppendLine("print(q @ d.T)  # cosine");
        s.AppendLine("```").AppendLine();
        s.AppendLine("C# (`Microsoft.ML.OnnxRuntime`; with Dssm.Research the featurizer is the kit's own, no libtorch is loaded):").AppendLine();
        s.AppendLine("```csharp");
        s.AppendLine("using var encoder = Dssm.Research.Serving.OnnxEncoder.Load(\"EXPORT_DIR\");");
        s.AppendLine("float[][] q = encoder.Encode([\"how to list files\"], Dssm.Research.Models.TextSide.Query);");
        s.AppendLine("float[][] d = encoder.Encode([\"ls lists directory contents\"], Dssm.Research.Models.TextSide.Document);");
        s.AppendLine("```").AppendLine();
        s.AppendLine("Or from the command line: `dssm encode --engine onnx --model EXPORT_DIR --data BEIR_DIR --out index.bin`.");
        return s.ToString();
    }

    static void AppendMetrics(StringBuilder s, string path)
    {
        if (!File.Exists(path)) { s.AppendLine("(no metrics.jsonl)").AppendLine(); return; }
        var records = MetricsLog.Read(path).ToList();
        if (records.Count == 0) { s.AppendLine("(empty)").AppendLine(); return; }
        var dev = records.Where(r => r.EnumerateObject().Any(p => p.Name.StartsWith("dev", StringComparison.Ordinal))).ToList();
        if (dev.Count > 0) s.AppendLine($"- last dev evaluation: `{dev[^1].GetRawText()}`");
        s.AppendLine($"- last record: `{records[^1].GetRawText()}`").AppendLine();
    }
}

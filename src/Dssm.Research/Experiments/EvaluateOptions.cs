using Dssm.Research.Evaluation;
using Dssm.Research.Retrieval;
using Dssm.Research.Runtime;
using Dssm.Research.Text;

namespace Dssm.Research.Experiments;

/// <summary>How <see cref="Experiment.Evaluate(string, string, EvaluateOptions)"/> ranks and scores a split.</summary>
/// <param name="Split">The split whose queries are ranked and judged.</param>
/// <param name="FirstStage">What is ranked per query: the corpus, candidates, or BM25's top N.</param>
/// <param name="Hybrid">Fuse with BM25 (null: the DSSM alone).</param>
/// <param name="Depth">Documents per query in the run file (full-corpus search).</param>
/// <param name="Metrics">Measures to report (null: <see cref="RankingMetric.Default"/>).</param>
/// <param name="RunFile">Where the run file goes (null: RUN_DIR/run-SPLIT[-MODE].trec).</param>
/// <param name="Device">Where the model runs.</param>
/// <param name="Command">The command line, recorded in the report.</param>
/// <param name="Analyzer">The analysis of BM25 (first stage and hybrid): the baselines' default, Lucene's.</param>
/// <param name="Index">Full-corpus search: exact, or through an HNSW graph built over the corpus's vectors.</param>
/// <param name="Hnsw">The HNSW graph's parameters (null: <see cref="HnswOptions"/>' defaults).</param>
public sealed record EvaluateOptions(
    string Split = "test",
    FirstStage? FirstStage = null,
    HybridOptions? Hybrid = null,
    int Depth = 100,
    IReadOnlyList<RankingMetric>? Metrics = null,
    string? RunFile = null,
    DeviceChoice Device = DeviceChoice.Auto,
    string? Command = null,
    AnalyzerKind Analyzer = AnalyzerFactory.Default,
    IndexKind Index = IndexKind.Exact,
    HnswOptions? Hnsw = null)
{
    /// <summary>A mode as file names carry it: "" (corpus), <c>-rerank-bm25-100</c>, <c>-hybrid-linear</c>, <c>-rerank-candidates-hybrid-rrf</c>.</summary>
    public static string SuffixOf(FirstStage stage, HybridOptions? hybrid)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var s = stage.Kind == FirstStageKind.Corpus ? "" : "-rerank-" + stage.Name.Replace(':', '-');
        return hybrid is null ? s : $"{s}-hybrid-{OptionName.Of(hybrid.Fusion)}";
    }
}

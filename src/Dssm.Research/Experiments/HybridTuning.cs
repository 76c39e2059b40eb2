using Dssm.Research.Data;
using Dssm.Research.Evaluation;
using Dssm.Research.Retrieval;

namespace Dssm.Research.Experiments;

/// <summary>
/// Chooses a hybrid's α on the tuning split (dev): every α of the grid fuses the dev split's DSSM and BM25 runs,
/// the dev metric of each is computed, and the best wins (the smallest α among equals). The evaluated split is
/// not ranked for it — a weight read off the test split would report the best case, not what a user gets.
/// </summary>
static class HybridTuning
{
    /// <summary>The chosen α; a line saying how it was chosen is added to <paramref name="notes"/>.</summary>
    /// <exception cref="ArgumentException">the dataset has no tuning split.</exception>
    public static double Choose(ModeRanker ranker, BeirDataset data, string dataDir, HybridOptions hybrid, string evaluated, List<string> notes)
    {
        if (!data.Splits.Contains(hybrid.TuneSplit))
            throw new ArgumentException($"--hybrid auto: α is chosen on split '{hybrid.TuneSplit}', which {dataDir} lacks (its splits: {string.Join(", ", data.Splits)}); give a weight instead, e.g. --hybrid 0.5");
        return Choose(split => ranker.Rank(split, lexical: true), hybrid, evaluated, notes);
    }

    /// <summary>As above, with the split's runs from <paramref name="rank"/> (the DSSM's and BM25's, both needed).</summary>
    public static double Choose(Func<string, SplitRuns> rank, HybridOptions hybrid, string evaluated, List<string> notes)
    {
        var metric = RankingMetric.Parse(hybrid.Metric);
        var dev = rank(hybrid.TuneSplit);
        double Score(double a) => RankingMetrics.Evaluate(HybridScoring.Fuse(dev.Dssm, dev.Lexical!, hybrid.Fusion, a, hybrid.RrfK), dev.Qrels, [metric]).Means[0];
        var grid = hybrid.Grid;
        var scores = grid.Select(Score).ToArray();
        var best = 0;
        for (var i = 1; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
        var queries = dev.Qrels.QueryIds.Count;
        var caveat = hybrid.TuneSplit == evaluated ? " — the evaluated split chose α, so this figure is optimistic" : "";
        notes.Add(FormattableString.Invariant(
            $"α = {grid[best]:0.###} chosen on {hybrid.TuneSplit} ({queries:N0} queries) by {metric}: {scores[best]:F4}; α = 1 (DSSM alone) {scores[^1]:F4}, α = 0 (BM25 alone) {scores[0]:F4}; grid 0, {grid[1]:0.###}, …, 1{caveat}"));
        return grid[best];
    }
}

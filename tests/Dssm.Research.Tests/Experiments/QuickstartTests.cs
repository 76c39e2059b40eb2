using Dssm.Research.Experiments;
using Dssm.Research.Runtime;
using Dssm.Research.Training;

namespace Dssm.Research.Tests.Experiments;

/// <summary>
/// The README's main job, with tiny towers and two steps (the full figures are the README's, checked by running it):
/// the output folder is replaced, the DSSM and both baselines are evaluated on the test split, the report is written.
/// </summary>
public sealed class QuickstartTests
{
    [Fact]
    public void It_replaces_the_output_trains_evaluates_against_both_baselines_and_writes_the_report()
    {
        var outDir = Path.Combine(Path.GetTempPath(), "dssm-quickstart-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "stale.txt"), "from an earlier run");
        try
        {
            var log = new List<string>();
            var tiny = Quickstart.Defaults with { Towers = new() { Hidden = [16], Output = 8 }, Epochs = 1, MaxStepsPerEpoch = 2, Device = DeviceChoice.Cpu };
            var result = Quickstart.Run(Quickstart.DefaultData(), outDir, tiny, "dssm quickstart", log.Add);

            Assert.False(File.Exists(Path.Combine(outDir, "stale.txt")));
            Assert.StartsWith("removing the previous quickstart output", log[0]);
            Assert.Equal(["dssm", "bm25(lucene)", "tfidf(lucene)"], result.Test.Select(r => r.System));
            Assert.All(result.Test, r => Assert.Equal(1160, r.Queries));   // every test query of the embedded set
            // The baselines do not depend on the model: the README's table (BM25 0.3366, TF-IDF 0.3377 NDCG@10, Lucene analysis).
            Assert.Equal("0.3366", result.Test[1].Metrics["ndcg@10"].ToString("F4"));
            Assert.Equal("0.3377", result.Test[2].Metrics["ndcg@10"].ToString("F4"));
            Assert.True(File.Exists(Path.Combine(outDir, "dssm", "best", "model.bin")));
            Assert.True(File.Exists(Path.Combine(outDir, "baselines", "run-test-bm25.trec")));
            Assert.Equal(Path.Combine(outDir, "report.html"), result.Html);
            Assert.Contains("DSSM quickstart", File.ReadAllText(result.Html));
            Assert.Contains("dssm baseline bm25", File.ReadAllText(result.Markdown));
            Assert.Contains("report:   " + result.Html, result.ToText());
        }
        finally { if (Directory.Exists(outDir)) Directory.Delete(outDir, true); }
    }

    [Fact]
    public void The_defaults_are_the_default_recipe_cut_to_minutes_with_early_stopping() =>
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(TrainRecipes.Of(TrainRecipe.Default) with { Epochs = 5, Patience = 2 }, Json.Options),
            System.Text.Json.JsonSerializer.Serialize(Quickstart.Defaults, Json.Options));
}

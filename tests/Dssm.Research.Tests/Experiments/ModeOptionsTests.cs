using Dssm.Research.Experiments;
using Dssm.Research.Retrieval;

namespace Dssm.Research.Tests.Experiments;

public class ModeOptionsTests
{
    [Theory]
    [InlineData("bm25:100", FirstStageKind.Bm25, 100, "bm25:100", "-rerank-bm25-100")]
    [InlineData("BM25", FirstStageKind.Bm25, 100, "bm25:100", "-rerank-bm25-100")]
    [InlineData("bm25:7", FirstStageKind.Bm25, 7, "bm25:7", "-rerank-bm25-7")]
    [InlineData("candidates", FirstStageKind.Candidates, 100, "candidates", "-rerank-candidates")]
    [InlineData("corpus", FirstStageKind.Corpus, 100, "corpus", "")]
    public void First_stages_parse_and_name_their_files(string text, FirstStageKind kind, int depth, string name, string suffix)
    {
        var stage = FirstStage.Parse(text);
        Assert.Equal((kind, depth, name), (stage.Kind, stage.Depth, stage.Name));
        Assert.Equal(suffix, EvaluateOptions.SuffixOf(stage, null));
        Assert.Equal(suffix + "-hybrid-rrf", EvaluateOptions.SuffixOf(stage, new HybridOptions(FusionKind.Rrf)));
    }

    [Theory]
    [InlineData("bm25:0")]
    [InlineData("bm25:-3")]
    [InlineData("bm25:ten")]
    [InlineData("dense")]
    public void A_bad_first_stage_names_the_option(string text) =>
        Assert.StartsWith($"--rerank ", Assert.Throws<ArgumentException>(() => FirstStage.Parse(text)).Message);

    [Fact]
    public void Alpha_is_auto_or_a_weight_in_the_unit_interval_and_the_grid_has_21_steps()
    {
        Assert.Null(HybridOptions.ParseAlpha("auto"));
        Assert.Equal(0.35, HybridOptions.ParseAlpha("0.35"));
        Assert.Equal(1, HybridOptions.ParseAlpha("1"));
        foreach (var bad in new[] { "1.5", "-0.1", "half", "NaN" })
            Assert.StartsWith("--hybrid ", Assert.Throws<ArgumentException>(() => HybridOptions.ParseAlpha(bad)).Message);
        var grid = new HybridOptions().Grid;
        Assert.Equal(21, grid.Count);
        Assert.Equal([0, 0.05, 0.1], grid.Take(3));
        Assert.Equal(1, grid[^1]);
    }
}

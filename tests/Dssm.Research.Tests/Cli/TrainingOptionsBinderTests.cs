using System.CommandLine;
using System.Text.Json;
using Dssm.Cli;
using Dssm.Research.Data;
using Dssm.Research.Sampling;
using Dssm.Research.Training;

namespace Dssm.Research.Tests.Cli;

/// <summary>The training flags of <c>dssm train</c> / <c>ablate</c> / <c>quickstart</c>: the default recipe, <c>--recipe paper</c>, and each flag on top.</summary>
public sealed class TrainingOptionsBinderTests
{
    static TrainOptions Bind(params string[] args)
    {
        var binder = new TrainingOptionsBinder();
        var command = new RootCommand();
        binder.AddTo(command);
        return binder.Bind(command.Parse(args));
    }

    static string Json(TrainOptions o) => JsonSerializer.Serialize(o, Dssm.Research.Training.Json.Options);

    [Fact]
    public void No_flag_is_the_default_recipe_and_recipe_paper_is_the_records_own_defaults()
    {
        var defaults = Bind();
        Assert.Equal(Json(TrainRecipes.Of(TrainRecipe.Default)), Json(defaults));
        Assert.True(defaults.InBatch);
        Assert.True(defaults.Towers.SharedTowers);
        Assert.True(defaults.Hashing.WordUnigrams);
        // The paper: J = 4 random negatives, γ = 10, separate towers, letter trigrams only, batch 128.
        var paper = Bind("--recipe", "paper");
        Assert.Equal(Json(new TrainOptions()), Json(paper));
        Assert.Equal((4, SamplerKind.Random, 10.0, false, false, false, 128), (paper.Negatives, paper.Sampler, paper.Gamma, paper.InBatch, paper.Towers.SharedTowers, paper.Hashing.WordUnigrams, paper.BatchSize));
    }

    [Fact]
    public void A_recipe_sets_its_fields_and_leaves_the_run_length_and_seed_alone()
    {
        var onto = new TrainOptions { Epochs = 5, Patience = 2, Seed = 9, Threads = 1, Gamma = 30, Negatives = 16 };
        var paper = TrainRecipes.Apply(TrainRecipe.Paper, onto);
        Assert.Equal((5, 2, 9L, 1), (paper.Epochs, paper.Patience, paper.Seed, paper.Threads));
        Assert.Equal((10.0, 4), (paper.Gamma, paper.Negatives));
    }

    [Fact]
    public void Each_flag_sets_its_option()
    {
        var o = Bind("--recipe", "paper", "--inbatch", "--negatives", "2", "--sampler", "bm25", "--hard-ratio", "0.5", "--hard-margin", "0.9",
            "--no-duplicates", "--word-unigrams", "--chinese-characters", "--shared-towers", "--max-features", "1000", "--hidden", "512,256", "--output", "64",
            "--learning-rate", "0.002", "--pseudo-queries", "ict", "--pseudo-queries-per-doc", "2", "--learnable-gamma", "--gamma-max", "40");
        Assert.True(o.InBatch && o.NoDuplicates && o.Hashing.WordUnigrams && o.Hashing.ChineseCharacters && o.Towers.SharedTowers && o.LearnableGamma);
        Assert.Equal((2, SamplerKind.Bm25, 0.5, 0.9, 1000), (o.Negatives, o.Sampler, o.HardRatio, o.HardNegativeMargin, o.Hashing.MaxFeatures));
        Assert.Equal([512, 256], o.Towers.Hidden);
        Assert.Equal((64, 0.002, PseudoQueryKind.Ict, 2, 40.0), (o.Towers.Output, o.LearningRate, o.PseudoQueries, o.PseudoQueriesPerDocument, o.GammaMax));
        var off = Bind("--shared-towers", "false", "--inbatch", "false", "--negatives", "4");
        Assert.False(off.Towers.SharedTowers || off.InBatch);
    }

    [Fact]
    public void Recipe_and_config_together_and_a_bad_recipe_are_refused()
    {
        Assert.Contains("--recipe and --config", Assert.Throws<ArgumentException>(() => Bind("--recipe", "paper", "--config", "x.json")).Message);
        Assert.Equal("recipe 'fancy' is not one of paper, default", Assert.Throws<ArgumentException>(() => Bind("--recipe", "fancy")).Message);
        Assert.Contains("--hidden: '300,x'", Assert.Throws<ArgumentException>(() => Bind("--hidden", "300,x")).Message);
    }
}

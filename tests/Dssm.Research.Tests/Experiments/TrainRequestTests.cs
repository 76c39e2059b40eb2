using Dssm.Research.Experiments;
using Dssm.Research.Losses;
using Dssm.Research.Tests.Data;
using Dssm.Research.Training;

namespace Dssm.Research.Tests.Experiments;

/// <summary>
/// What <c>dssm train</c> decides before any training: which data, which defaults, streaming. The options callback
/// stops each request before it loads anything, so these run in milliseconds.
/// </summary>
public sealed class TrainRequestTests
{
    sealed class Stopped : Exception;

    static TrainOptions DefaultsOf(TrainRequest request)
    {
        TrainOptions? seen = null;
        Assert.Throws<Stopped>(() => request.Run(defaults => { seen = defaults; throw new Stopped(); }));
        return seen!;
    }

    [Fact]
    public void A_pair_file_defaults_to_the_pointwise_loss_and_a_dataset_to_the_softmax()
    {
        Assert.Equal(LossKind.Pointwise, DefaultsOf(new TrainRequest("run", Pairs: "pairs.tsv")).Loss);
        Assert.Equal(LossKind.Softmax, DefaultsOf(new TrainRequest("run", Data: "data")).Loss);
    }

    [Fact]
    public void A_resumed_run_without_data_takes_the_pair_file_its_config_recorded()
    {
        var dir = TestFiles.TempDir();
        File.WriteAllText(Path.Combine(dir, "config.json"), """{"formatVersion": 1, "options": {}, "provenance": {"pairs": "/data/pairs.tsv", "command": "dssm train"}}""");
        Assert.Equal(new RunProvenance(null, "/data/pairs.tsv", null, "dssm train"), new RunFolder(dir).ReadProvenance());
        Assert.Equal(LossKind.Pointwise, DefaultsOf(new TrainRequest(dir, Resume: true)).Loss);
    }

    [Fact]
    public void Neither_or_both_sources_and_streaming_a_dataset_are_refused()
    {
        Assert.Equal("give exactly one of --data DIR or --pairs FILE.tsv",
            Assert.Throws<ArgumentException>(() => new TrainRequest("run").Run(o => o)).Message);
        Assert.Throws<ArgumentException>(() => new TrainRequest("run", Data: "d", Pairs: "p").Run(o => o));
        Assert.Equal("--stream reads a pair file: give --pairs FILE.tsv",
            Assert.Throws<ArgumentException>(() => new TrainRequest("run", Data: "d", Stream: true).Run(o => o)).Message);
    }

    [Fact]
    public void A_pair_file_shares_one_tower_and_adds_han_characters_and_a_dataset_takes_the_default_recipe()
    {
        var pairs = DefaultsOf(new TrainRequest("run", Pairs: "pairs.tsv"));
        Assert.True(pairs.Towers.SharedTowers);
        Assert.True(pairs.Hashing.ChineseCharacters);
        var data = DefaultsOf(new TrainRequest("run", Data: "data"));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(TrainRecipes.Of(TrainRecipe.Default), Json.Options), System.Text.Json.JsonSerializer.Serialize(data, Json.Options));
        Assert.True(data.Towers.SharedTowers);
        Assert.False(data.Hashing.ChineseCharacters);
    }

    [Fact]
    public void Dev_pairs_belong_to_a_pair_run() =>
        Assert.Contains("--dev-pairs", Assert.Throws<ArgumentException>(() => new TrainRequest("run", Data: "d", DevPairs: "dev.tsv").Run(o => o)).Message);
}

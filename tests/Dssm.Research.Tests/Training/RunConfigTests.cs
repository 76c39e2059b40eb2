using System.Text.Json;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
using Dssm.Research.Tests.Data;
using Dssm.Research.Text;
using Dssm.Research.Training;

namespace Dssm.Research.Tests.Training;

/// <summary>
/// Closed options are enums, and run folders written while they were strings still read.
/// <c>datasets/fixtures/run-before-enums/config.json</c> was written by <c>dssm train … --model cdssm --on-non-finite skip
/// --sampler popular --optimizer sgd</c> with <c>{"schedule":"cosine"}</c> as --config, by the build in which Model, Loss,
/// Schedule and OnNonFinite were strings (only the paths in it were shortened).
/// </summary>
public sealed class RunConfigTests
{
    static string Fixture => TestFiles.Fixture("run-before-enums", "config.json");

    [Fact]
    public void A_config_json_from_before_the_enums_reads_with_every_option()
    {
        var dir = TestFiles.TempDir();
        File.Copy(Fixture, Path.Combine(dir, "config.json"));
        var options = new RunFolder(dir).ReadOptions();
        Assert.Equal(ModelKind.Cdssm, options.Model);
        Assert.Equal(LossKind.Softmax, options.Loss);
        Assert.Equal(ScheduleKind.Cosine, options.Schedule);
        Assert.Equal(NonFiniteAction.Skip, options.OnNonFinite);
        Assert.Equal(SamplerKind.Popular, options.Sampler);
        Assert.Equal(OptimizerKind.Sgd, options.Optimizer);
        Assert.Equal(DeviceChoice.Cpu, options.Device);
        Assert.Equal(2, options.WarmupSteps);
    }

    [Fact]
    public void The_options_are_written_as_they_were_before()
    {
        using var old = JsonDocument.Parse(File.ReadAllText(Fixture));
        var before = old.RootElement.GetProperty("options");
        var options = before.Deserialize<TrainOptions>(Json.Options)!;
        // Options added since keep their defaults and are written beside the old ones; every old option is
        // written back exactly as it was (its name and its value's spelling).
        using var after = JsonDocument.Parse(JsonSerializer.Serialize(options, Json.Indented));
        foreach (var property in before.EnumerateObject())
            Assert.Equal(JsonSerializer.Serialize(property.Value), JsonSerializer.Serialize(after.RootElement.GetProperty(property.Name)));
    }

    [Fact]
    public void Pointwise_and_the_other_names_read_as_their_members()
    {
        var options = JsonSerializer.Deserialize<TrainOptions>("""{"model":"dssm","loss":"pointwise","schedule":"linear","onNonFinite":"stop"}""", Json.Options)!;
        Assert.Equal((ModelKind.Dssm, LossKind.Pointwise, ScheduleKind.Linear, NonFiniteAction.Stop), (options.Model, options.Loss, options.Schedule, options.OnNonFinite));
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_names_that_are_known()
    {
        var e = Assert.Throws<ArgumentException>(() => OptionName.Parse<ModelKind>("cnn", "model"));
        Assert.Equal("model 'cnn' is not one of dssm, cdssm", e.Message);
        Assert.Equal(ModelKind.Cdssm, OptionName.Parse<ModelKind>(" CDSSM ", "model"));
        Assert.Throws<ArgumentException>(() => OptionName.Parse<ModelKind>("1", "model"));
        Assert.Equal(SamplerKind.Bm25, SamplerKinds.Parse("hard"));
        Assert.Equal("sampler 'bm26' is not one of random, inbatch, popular, bm25", Assert.Throws<ArgumentException>(() => SamplerKinds.Parse("bm26")).Message);
    }
}

using Dssm.Research.Models;
using Dssm.Research.Runtime;
using static TorchSharp.torch;

namespace Dssm.Research.Tests.Models;

/// <summary>These tests seed and disturb libtorch's one global generator on purpose, so they run alone.</summary>
[Collection(ProcessWideCollection.Name)]
public class SeedingTests
{
    public SeedingTests() => TorchRuntime.Initialize();

    static readonly DssmOptions Small = new() { Hidden = [16], Output = 8, Convolution = 12 };

    static float[][] Weights(ISemanticModel model) =>
        model.Module.parameters().Select(p => p.detach().contiguous().data<float>().ToArray()).ToArray();

    [Theory]
    [InlineData("dssm")]
    [InlineData("cdssm")]
    public void A_seeded_model_is_bit_for_bit_the_one_manual_seed_gave(string kind)
    {
        manual_seed(7);
        using var global = ModelFactory.Create(kind, 500, Small);   // the old way: seed the global generator
        manual_seed(12345);                                                      // whatever state the global one is in
        using var seeded = ModelFactory.Create(kind, 500, Small, seed: 7);
        using var other = ModelFactory.Create(kind, 500, Small, seed: 8);

        var expected = Weights(global);
        Assert.Equal(expected, Weights(seeded));
        Assert.NotEqual(expected, Weights(other));
        Assert.Contains(expected, w => w.Any(v => v != 0));   // not all zero: the comparison means something
    }

    [Fact]
    public async Task Another_thread_drawing_from_the_global_generator_does_not_change_a_seeded_model()
    {
        float[][] Build() { using var m = ModelFactory.Create("dssm", 2000, Small, seed: 3); return Weights(m); }
        var reference = Build();
        using var stop = new CancellationTokenSource();
        var draws = 0L;
        var noise = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var scope = NewDisposeScope();
                manual_seed(99);
                randn(256).sum().item<float>();
                Interlocked.Increment(ref draws);
            }
        });
        try
        {
            for (var i = 0; i < 20; i++) Assert.Equal(reference, Build());
        }
        finally
        {
            stop.Cancel();
            await noise;
        }
        Assert.True(Interlocked.Read(ref draws) > 20, $"the other thread drew only {draws} times");
    }
}

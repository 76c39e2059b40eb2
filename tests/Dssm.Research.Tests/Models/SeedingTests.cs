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
    [InlineData(ModelKind.Dssm)]
    [InlineData(ModelKind.Cdssm)]
    public void A_seeded_model_is_bit_for_bit_the_one_manual_seed_gave(ModelKind kind)
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
    public void Another_thread_drawing_from_the_global_generator_does_not_change_a_seeded_model()
    {
        float[][] Build() { using var m = ModelFactory.Create(ModelKind.Dssm, 2000, Small, seed: 3); return Weights(m); }
        var reference = Build();
        var stop = false;
        var draws = 0L;
        using var drawing = new ManualResetEventSlim();
        var noise = new Thread(() =>                 // a thread of its own: the pool may not start a task in time
        {
            while (!Volatile.Read(ref stop))
            {
                using var scope = NewDisposeScope();
                manual_seed(99);
                randn(256).sum().item<float>();
                Interlocked.Increment(ref draws);
                drawing.Set();
            }
        })
        { IsBackground = true };
        noise.Start();
        try
        {
            Assert.True(drawing.Wait(TimeSpan.FromSeconds(60)), "the other thread never drew");
            var before = Interlocked.Read(ref draws);
            var builds = 0;
            // At least 20 builds, and on until the other thread has drawn 20 times meanwhile.
            while (builds < 20 || (Interlocked.Read(ref draws) - before < 20 && builds < 2000))
            {
                Assert.Equal(reference, Build());
                builds++;
            }
            Assert.True(Interlocked.Read(ref draws) - before >= 20, $"the other thread drew only {Interlocked.Read(ref draws) - before} times during {builds} builds");
        }
        finally
        {
            Volatile.Write(ref stop, true);
            noise.Join();
        }
    }
}

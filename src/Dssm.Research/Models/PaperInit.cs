using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dssm.Research.Models;

/// <summary>
/// The paper's initialisation: weights U(−√(6/(fan_in+fan_out)), +√(…)), biases 0 (Huang et al. 2013, §3.4).
/// <para>
/// Seeding: inside <see cref="Seeded"/> (what <see cref="ModelFactory.Create"/> with a seed uses) every draw comes
/// from a generator of the constructing thread's own, never from libtorch's one global generator. Before, a model
/// was "seeded" by <c>manual_seed</c> on the global generator, so another thread drawing from it between the seed and
/// the last layer (a second trainer, a test running beside it) changed the weights: same seed, other numbers.
/// The private generator starts from the same seed and makes the same draws in the same order, including the
/// ones of libtorch's own default initialisation that <see cref="Linear"/> and <see cref="EmbeddingBag"/> overwrite,
/// so a seeded model is bit for bit the one <c>manual_seed(seed)</c> gave on a quiet process.
/// </para>
/// </summary>
public static class PaperInit
{
    [ThreadStatic] static Generator? generator;

    /// <summary>Until disposed, models built on this thread draw their initial weights from a generator seeded here.</summary>
    public static IDisposable Seeded(long seed) => new Scope(new Generator((ulong)seed));

    public static Linear Linear(int inputs, int outputs)
    {
        var layer = nn.Linear(inputs, outputs);   // libtorch's default init: kaiming-uniform weight, then uniform bias
        using (no_grad())
        {
            RedrawDefault(layer.weight!, normal: false);
            RedrawDefault(layer.bias!, normal: false);
            Uniform(layer.weight!, Math.Sqrt(6.0 / (inputs + outputs)));
            layer.bias!.zero_();
        }
        return layer;
    }

    /// <summary>A sum-mode EmbeddingBag (inputs, width) with the paper's uniform weights.</summary>
    public static EmbeddingBag EmbeddingBag(int inputs, int width)
    {
        var bag = nn.EmbeddingBag(inputs, width, mode: EmbeddingBagMode.Sum);   // libtorch's default init: standard normal
        using (no_grad())
        {
            RedrawDefault(bag.weight!, normal: true);
            Uniform(bag.weight!, Math.Sqrt(6.0 / (inputs + width)));
        }
        return bag;
    }

    static void Uniform(Tensor weight, double limit) => weight.uniform_(-limit, limit, generator: generator);

    /// <summary>Inside <see cref="Seeded"/>: the draws libtorch's default initialisation of this tensor made from the
    /// global generator, made again from ours (same count, same order), so that the paper's draws that follow are the
    /// ones a <c>manual_seed</c> run makes. Outside: nothing (the global generator has already made them).</summary>
    static void RedrawDefault(Tensor weight, bool normal)
    {
        if (generator is null) return;
        using var scratch = empty_like(weight);
        if (normal) scratch.normal_(0, 1, generator: generator);
        else scratch.uniform_(0, 1, generator: generator);
    }

    sealed class Scope : IDisposable
    {
        readonly Generator? previous = generator;
        readonly Generator mine;
        public Scope(Generator g) { mine = g; generator = g; }
        public void Dispose() { generator = previous; mine.Dispose(); }
    }
}

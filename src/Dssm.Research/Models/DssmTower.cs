using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dssm.Research.Models;

/// <summary>
/// One DSSM tower (Huang et al. 2013, §3.1): l1 = f(W1·x + b1), li = f(Wi·l(i-1) + bi), y = f(WN·l(N-1) + bN)
/// with f = tanh in the paper. x is the hashed n-gram bag; W1 is a <see cref="HashedInputLayer"/>.
/// </summary>
public sealed class DssmTower : nn.Module<SparseInput, Tensor>, ISemanticTower
{
    readonly HashedInputLayer input;
    readonly ModuleList<Linear> layers = new();
    readonly Activation activation;

    public DssmTower(string name, int inputs, DssmOptions options) : base(name)
    {
        if (options.Hidden.Count == 0) throw new ArgumentException("DssmOptions.Hidden needs at least one layer (the input layer's width)");
        activation = options.Activation;
        input = new HashedInputLayer("input", inputs, options.Hidden[0], options.LazyInputLayer);
        var sizes = options.Hidden.Append(options.Output).ToArray();
        for (var i = 1; i < sizes.Length; i++) layers.Add(PaperInit.Linear(sizes[i - 1], sizes[i]));
        RegisterComponents();
    }

    public HashedInputLayer Input => input;

    /// <summary>(B, Output) semantic vectors y of a batch with one bag per text.</summary>
    public Tensor Forward(ModelBatch batch)
    {
        if (batch.Bags.Count != batch.Texts)
            throw new ArgumentException($"DSSM reads one bag per text: {batch.Bags.Count} bags for {batch.Texts} texts");
        return forward(SparseInput.From(batch.Bags, input.Weight.device));
    }

    /// <summary>(B, Output) semantic vectors y.</summary>
    public override Tensor forward(SparseInput x)
    {
        if (!is_grad_enabled())
        {
            // Encoding: every intermediate result is the tower's own, so each layer's output is overwritten in place.
            var y = activation.ApplyInPlace(input.forward(x));
            foreach (var layer in layers) y = activation.ApplyInPlace(layer.forward(y));
            return y;
        }
        var h = activation.Apply(input.forward(x)); // (B, Hidden[0])
        foreach (var layer in layers) h = activation.Apply(layer.forward(h));
        return h;
    }
}

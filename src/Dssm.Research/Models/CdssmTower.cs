using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dssm.Research.Models;

/// <summary>One CDSSM tower (Shen et al. 2014): word-window convolution → max pooling → semantic layer.</summary>
internal sealed class CdssmTower : nn.Module, ISemanticTower
{
    readonly HashedInputLayer input;
    readonly Parameter convBias;
    readonly Linear semantic;
    readonly int window, width;
    readonly Activation activation;

    public CdssmTower(string name, int inputs, DssmOptions options) : base(name)
    {
        if (options.Window < 1) throw new ArgumentException("DssmOptions.Window must be at least 1");
        window = options.Window; width = options.Convolution; activation = options.Activation;
        input = new HashedInputLayer("input", inputs, window * width, options.LazyInputLayer, withBias: false);
        convBias = nn.Parameter(zeros(width));
        semantic = PaperInit.Linear(width, options.Output);
        RegisterComponents();
    }

    public HashedInputLayer Input => input;

    public Tensor Forward(ModelBatch batch)
    {
        var device = input.Weight.device;
        var words = batch.Bags.Count;
        var (windowIndex, poolIndex, longest) = CdssmWindows.Indices(batch.WordsPerText, words, window);
        var e = input.forward(SparseInput.From(batch.Bags, device)).view(words * window, width);         // (W·window, C)
        var padded = cat(new[] { e, zeros(1, width, device: device) });                                  // + a zero row
        var conv = padded.index_select(0, tensor(windowIndex, device: device))
            .view(-1, window, width).sum(1) + convBias;                                                   // (P, C)
        var h = activation.Apply(conv);
        using Scalar floor = -1e4f;                                                                        // explicit: see Training/Optimizer
        var withFloor = cat(new[] { h, full(1, width, floor, device: device) });                          // padding loses every max
        var pooled = withFloor.index_select(0, tensor(poolIndex, device: device))
            .view(batch.Texts, longest, width).amax(new long[] { 1 });                                    // (B, C)
        return activation.Apply(semantic.forward(pooled));                                               // (B, Output)
    }
}

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
        input = new HashedInputLayer("input", inputs, width, options.LazyInputLayer, withBias: false, pieces: window); // W_c (V, window·C)
        convBias = nn.Parameter(zeros(width));
        semantic = PaperInit.Linear(width, options.Output);
        RegisterComponents();
    }

    public HashedInputLayer Input => input;

    public Tensor Forward(ModelBatch batch)
    {
        var device = input.Weight.device;
        var (windows, poolIndex, longest) = CdssmWindows.Bags(batch, window);
        var conv = input.forward(SparseInput.From(windows, device)) + convBias;                            // (P, C): one bag per window position
        var h = activation.Apply(conv);
        using Scalar floor = -1e4f;                                                                        // explicit: see Training/Optimizer
        var withFloor = cat(new[] { h, full(1, width, floor, device: device) });                          // padding loses every max
        var pooled = withFloor.index_select(0, tensor(poolIndex, device: device))
            .view(batch.Texts, longest, width).amax(new long[] { 1 });                                    // (B, C)
        return activation.Apply(semantic.forward(pooled));                                               // (B, Output)
    }
}

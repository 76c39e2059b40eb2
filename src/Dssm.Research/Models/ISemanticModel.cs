using static TorchSharp.torch;

namespace Dssm.Research.Models;

/// <summary>
/// A two-tower semantic model: R(Q, D) = cos(y_Q, y_D) (Huang et al. 2013, Eq. 4). Implemented by
/// <see cref="DssmModel"/> and <see cref="CdssmModel"/>; the trainer, retrieval and reports use only this.
/// </summary>
public interface ISemanticModel : IDisposable
{
    /// <summary>Which towers these are.</summary>
    ModelKind Kind { get; }

    /// <summary>True when the model reads one bag per word (CDSSM), false for one bag per text (DSSM).</summary>
    bool ReadsWords { get; }

    /// <summary>The semantic vectors y (B, Output), not normalised, with autograd.</summary>
    Tensor Forward(ModelBatch batch, TextSide side);

    /// <summary>The sparse input layers, whose touched rows a lazy optimizer updates.</summary>
    IReadOnlyList<HashedInputLayer> InputLayers { get; }

    /// <summary>Every trainable dense parameter (everything but lazy input weights).</summary>
    IReadOnlyList<TorchSharp.Modules.Parameter> DenseParameters { get; }

    /// <summary>Named tensors to checkpoint (weights and biases).</summary>
    Dictionary<string, Tensor> StateDict();

    /// <summary>The module, for train()/eval()/to(device).</summary>
    nn.Module Module { get; }
}

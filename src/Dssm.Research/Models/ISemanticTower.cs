using static TorchSharp.torch;

namespace Dssm.Research.Models;

/// <summary>One tower of a <see cref="TwoTowerModel"/>: a batch of texts → their semantic vectors y.</summary>
public interface ISemanticTower
{
    /// <summary>The sparse input layer (word hashing → the first layer), whose touched rows a lazy optimizer updates.</summary>
    HashedInputLayer Input { get; }

    /// <summary>(B, Output) semantic vectors, not normalised, with autograd.</summary>
    Tensor Forward(ModelBatch batch);
}

using Dssm.Research.Runtime;
using static TorchSharp.torch;

namespace Dssm.Research.Models;

/// <summary>Applies an <see cref="Activation"/>.</summary>
public static class Activations
{
    public static Tensor Apply(this Activation activation, Tensor x) => activation switch
    {
        Activation.Tanh => x.tanh(),
        Activation.Relu => x.relu(),
        Activation.Gelu => nn.functional.gelu(x),
        _ => x,
    };

    /// <summary>
    /// The same, overwriting <paramref name="x"/> where it can: for inference (no autograd), where a tower's
    /// intermediate results are never needed again and a fresh (B, width) tensor per layer is pure cost.
    /// </summary>
    public static Tensor ApplyInPlace(this Activation activation, Tensor x) => activation switch
    {
        Activation.Tanh when CpuKernels.Applies(x) => Tanh(x),
        Activation.Tanh => x.tanh_(),
        Activation.Relu => x.relu_(),
        Activation.Gelu => nn.functional.gelu(x),
        _ => x,
    };

    static Tensor Tanh(Tensor x) { CpuKernels.TanhInPlace(x); return x; }

    public static Activation Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "tanh" => Activation.Tanh,
        "relu" => Activation.Relu,
        "gelu" => Activation.Gelu,
        "identity" or "linear" or "none" => Activation.Identity,
        _ => throw new ArgumentException($"activation '{name}' is not one of tanh, relu, gelu, identity"),
    };
}

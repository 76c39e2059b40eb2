using TorchSharp;
using static TorchSharp.torch;

namespace Dssm.Research.Training;

/// <summary>One step's gradients: the dense ones and, per lazy layer, (touched rows, their gradient) or null.</summary>
public sealed record StepGradients(IReadOnlyList<Tensor> Dense, IReadOnlyList<(Tensor Rows, Tensor Grad)?> Lazy)
{
    /// <summary>The global L2 norm of all gradients.</summary>
    public double Norm()
    {
        using var scope = NewDisposeScope();
        // g·g, not g.square(): TorchSharp's square() is pow(2) through an implicit Scalar (see Optimizer).
        var squares = Dense.Select(g => g.mul(g).sum()).Concat(Lazy.Where(l => l is not null).Select(l => l!.Value.Grad.mul(l.Value.Grad).sum())).ToArray();
        return squares.Length == 0 ? 0 : Math.Sqrt(stack(squares).sum().item<float>()); // one sync, not one per tensor
    }

    /// <summary>Scales every gradient in place (gradient-norm clipping).</summary>
    public void Scale(double factor)
    {
        using Scalar f = factor;
        foreach (var g in Dense) g.mul_(f);
        foreach (var l in Lazy) if (l is { } r) r.Grad.mul_(f);
    }
}

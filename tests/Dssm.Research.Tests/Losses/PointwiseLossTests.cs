using Dssm.Research.Losses;
using Dssm.Research.Runtime;
using static TorchSharp.torch;

namespace Dssm.Research.Tests.Losses;

public class PointwiseLossTests
{
    public PointwiseLossTests() => TorchRuntime.Initialize();

    [Fact]
    public void The_decision_threshold_is_the_cosine_where_the_probability_crosses_one_half()
    {
        using var loss = new PointwiseLoss(gamma: 10);
        using (no_grad()) loss.state_dict()["bias"].fill_(3);
        Assert.Equal(3, loss.Bias, 6);
        Assert.Equal(-0.3, loss.DecisionThreshold, 6);   // σ(10·cos + 3) ≥ ½ ⟺ cos ≥ −0.3
        // Rows with cos = −0.2 and −0.4 (unit q = e₁, d = (cos, sin)): the first is above the threshold, the second below.
        var q = tensor(new float[] { 1, 0, 1, 0 }).view(2, 2);
        var d = tensor(new[] { -0.2f, MathF.Sqrt(1 - 0.04f), -0.4f, MathF.Sqrt(1 - 0.16f) }).view(2, 2);
        var p = loss.Logits(q, d).sigmoid().data<float>().ToArray();
        Assert.True(p[0] > 0.5 && p[1] < 0.5, $"σ(z) = {p[0]}, {p[1]}");
    }
}

using Dssm.Research.Losses;
using Dssm.Research.Runtime;
using static TorchSharp.torch;

namespace Dssm.Research.Tests.Losses;

/// <summary>SoftmaxRankingLoss.ForwardInBatch with the batch's own clicked documents only: MultipleNegativesRankingLoss.</summary>
public class InBatchSoftmaxLossTests
{
    public InBatchSoftmaxLossTests() => TorchRuntime.Initialize();

    static Tensor InBatch(Tensor q, Tensor d, double gamma)
    {
        using var loss = new SoftmaxRankingLoss(gamma);
        return loss.ForwardInBatch(q, d, arange(q.shape[0], dtype: ScalarType.Int64));   // row i's clicked document is column i
    }

    [Fact]
    public void Loss_equals_the_hand_computed_cross_entropy_against_the_diagonal()
    {
        using var scope = NewDisposeScope();
        // Queries (1, 0), (0, 1); their clicked documents (2, 0), (1, 1). Cosines: row 0 (1, 1/√2), row 1 (0, 1/√2). γ = 10.
        // Row 0's target is column 0: −log(e^10 / (e^10 + e^(10/√2))) = log(1 + e^(10/√2 − 10)).
        // Row 1's target is column 1: −log(e^(10/√2) / (e^0 + e^(10/√2))) = log(1 + e^(−10/√2)).
        var q = tensor(new float[] { 1, 0, 0, 1 }).view(2, 2);
        var d = tensor(new float[] { 2, 0, 1, 1 }).view(2, 2);
        var s = 10 / Math.Sqrt(2);
        var expected = (Math.Log(1 + Math.Exp(s - 10)) + Math.Log(1 + Math.Exp(-s))) / 2;   // 0.03059
        Assert.Equal(expected, InBatch(q, d, 10).item<float>(), 5);
    }

    [Fact]
    public void Equals_the_softmax_ranking_loss_over_all_other_clicked_documents_as_negatives()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var q = randn(6, 4); var d = randn(6, 4);
        using var loss = new SoftmaxRankingLoss(gamma: 7);
        // The rotation with J = B − 1 gives query i every other query's clicked document once; the softmax does not
        // depend on the order of the negatives.
        var rotated = loss.Forward(q, SoftmaxRankingLoss.InBatchCandidates(d, 5)).item<float>();
        Assert.Equal(rotated, InBatch(q, d, 7).item<float>(), 5);
    }

    [Fact]
    public void Gradient_reaches_both_sides()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var q = randn(3, 4).requires_grad_(); var d = randn(3, 4).requires_grad_();
        InBatch(q, d, 10).backward();
        Assert.True(q.grad!.abs().sum().item<float>() > 0);
        Assert.True(d.grad!.abs().sum().item<float>() > 0);
    }
}

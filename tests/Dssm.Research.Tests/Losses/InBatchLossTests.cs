using Dssm.Research.Losses;
using Dssm.Research.Runtime;
using static TorchSharp.torch;

namespace Dssm.Research.Tests.Losses;

/// <summary>
/// The in-batch loss as one score matrix (sentence-transformers' MultipleNegativesRankingLoss): checked against the
/// per-row candidate lists of <see cref="SoftmaxRankingLoss.Forward"/>, against a hand-computed case, and for the mask.
/// </summary>
public sealed class InBatchLossTests
{
    public InBatchLossTests() => TorchRuntime.Initialize();

    [Fact]
    public void Two_rows_by_hand_each_query_sees_the_other_positive()
    {
        using var scope = NewDisposeScope();
        // q0 = (1, 0), q1 = (0, 1); positives d0 = (1, 0), d1 = (1, 1)/√2 (unnormalised (2, 2)). γ = 10.
        // Row 0: cos(q0, d0) = 1 (target), cos(q0, d1) = 1/√2 → −log(e^10 / (e^10 + e^{10/√2})) = log(1 + e^{10/√2 − 10}).
        // Row 1: cos(q1, d0) = 0, cos(q1, d1) = 1/√2 (target) → log(1 + e^{0 − 10/√2}).
        var q = tensor(new float[] { 1, 0, 0, 1 }).view(2, 2);
        var d = tensor(new float[] { 1, 0, 2, 2 }).view(2, 2);
        using var loss = new SoftmaxRankingLoss(gamma: 10);
        var value = loss.ForwardInBatch(q, d, tensor(new long[] { 0, 1 })).item<float>();
        var s = 10 / Math.Sqrt(2);
        Assert.Equal((Math.Log(1 + Math.Exp(s - 10)) + Math.Log(1 + Math.Exp(-s))) / 2, value, 5);
    }

    [Fact]
    public void The_score_matrix_equals_every_row_listing_all_documents_with_its_target_first()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        // B = 3 rows, each its positive then J = 1 sampled negative: 6 documents, targets 0, 2, 4.
        var q = randn(3, 5); var d = randn(6, 5);
        using var loss = new SoftmaxRankingLoss(gamma: 7);
        var matrix = loss.ForwardInBatch(q, d, tensor(new long[] { 0, 2, 4 })).item<float>();
        var rows = new float[3 * 6 * 5];
        var docs = d.data<float>().ToArray();
        for (var i = 0; i < 3; i++)
        {
            var order = new[] { 2 * i }.Concat(Enumerable.Range(0, 6).Where(c => c != 2 * i)).ToArray();
            for (var k = 0; k < 6; k++) Array.Copy(docs, order[k] * 5, rows, (i * 6 + k) * 5, 5);
        }
        Assert.Equal(loss.Forward(q, tensor(rows).view(3, 6, 5)).item<float>(), matrix, 5);
    }

    [Fact]
    public void A_masked_column_does_not_count_for_its_row()
    {
        using var scope = NewDisposeScope();
        // One query q = (1, 0), three columns: its target (1, 0), another click of the same query (1, 0), and (0, 1). γ = 10.
        // Unmasked the copy competes: −log(e^10 / (2e^10 + e^0)) = log(2 + e^-10). Masked: log(1 + e^-10).
        var q = tensor(new float[] { 1, 0 }).view(1, 2);
        var d = tensor(new float[] { 1, 0, 1, 0, 0, 1 }).view(3, 2);
        using var loss = new SoftmaxRankingLoss(gamma: 10);
        var target = tensor(new long[] { 0 });
        Assert.Equal(Math.Log(2 + Math.Exp(-10)), loss.ForwardInBatch(q, d, target).item<float>(), 5);
        Assert.Equal(Math.Log(1 + Math.Exp(-10)), loss.ForwardInBatch(q, d, target, tensor(new[] { true, false, true }).view(1, 3)).item<float>(), 5);
    }

    [Fact]
    public void A_learnable_gamma_stays_inside_its_bounds_however_hard_it_is_pushed()
    {
        using var scope = NewDisposeScope();
        using var loss = new SoftmaxRankingLoss(gamma: 20, learnable: true, gammaMin: 1, gammaMax: 50);
        Assert.Equal(20, loss.Gamma, 4);
        var q = tensor(new float[] { 1, 0, 0, 1 }).view(2, 2);
        var d = tensor(new float[] { 1, 0.3f, 0.3f, 1 }).view(2, 2);   // each target ahead of the other column: the loss falls as γ grows
        var s = loss.TrainableParameters.Single();
        for (var step = 0; step < 200; step++)
        {
            s.grad?.zero_();
            loss.ForwardInBatch(q, d, tensor(new long[] { 0, 1 })).backward();
            using (no_grad()) s.sub_(s.grad! * 1e6);   // a learning rate no sane run uses
        }
        Assert.InRange(loss.Gamma, 49, 50);
        Assert.True(double.IsFinite(loss.Gamma));
    }
}

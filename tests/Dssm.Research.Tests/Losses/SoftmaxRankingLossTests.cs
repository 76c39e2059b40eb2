using Dssm.Research.Losses;
using Dssm.Research.Runtime;
using static TorchSharp.torch;

namespace Dssm.Research.Tests.Losses;

public class SoftmaxRankingLossTests
{
    public SoftmaxRankingLossTests() => TorchRuntime.Initialize();

    [Fact]
    public void Loss_equals_the_hand_computed_softmax_over_gamma_times_cosine()
    {
        using var scope = NewDisposeScope();
        // One query q = (1, 0); clicked doc (2, 0): cos 1; negatives (0, 3): cos 0 and (-1, 0): cos -1. γ = 10.
        // P(D+|Q) = e^10 / (e^10 + e^0 + e^-10); loss = -log P = log(1 + e^-10 + e^-20).
        var q = tensor(new float[] { 1, 0 }).view(1, 2);
        var d = tensor(new float[] { 2, 0, 0, 3, -1, 0 }).view(1, 3, 2);
        using var loss = new SoftmaxRankingLoss(gamma: 10);
        var value = loss.Forward(q, d).item<float>();
        Assert.Equal(Math.Log(1 + Math.Exp(-10) + Math.Exp(-20)), value, 6);
    }

    [Fact]
    public void Gamma_sharpens_the_softmax_smaller_gamma_gives_a_larger_loss_on_a_correct_ranking()
    {
        using var scope = NewDisposeScope();
        var q = tensor(new float[] { 1, 0 }).view(1, 2);
        var d = tensor(new float[] { 1, 0, 0, 1 }).view(1, 2, 2);
        using var soft = new SoftmaxRankingLoss(gamma: 1);
        using var sharp = new SoftmaxRankingLoss(gamma: 50);
        Assert.Equal(Math.Log(1 + Math.Exp(-1)), soft.Forward(q, d).item<float>(), 5);
        Assert.True(sharp.Forward(q, d).item<float>() < 1e-6);
    }

    [Fact]
    public void In_batch_loss_equals_explicit_negatives_loss_on_the_same_candidates()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var q = randn(5, 4); var positives = randn(5, 4);
        using var loss = new SoftmaxRankingLoss(gamma: 7);
        var inBatch = loss.Forward(q, SoftmaxRankingLoss.InBatchCandidates(positives, 2)).item<float>();
        // Explicit: query i sees its positive, then the positives of queries i+1 and i+2 (mod 5).
        var explicitCandidates = new float[5 * 3 * 4];
        var p = positives.data<float>().ToArray();
        for (var i = 0; i < 5; i++)
            for (var k = 0; k < 3; k++)
                Array.Copy(p, ((i + k) % 5) * 4, explicitCandidates, (i * 3 + k) * 4, 4);
        var explicitLoss = loss.Forward(q, tensor(explicitCandidates).view(5, 3, 4)).item<float>();
        Assert.Equal(explicitLoss, inBatch, 6);
    }

    [Fact]
    public void Masked_candidates_do_not_count()
    {
        using var scope = NewDisposeScope();
        var q = tensor(new float[] { 1, 0 }).view(1, 2);
        var d = tensor(new float[] { 1, 0, 1, 0, 0, 1 }).view(1, 3, 2); // candidate 1 duplicates the positive
        using var loss = new SoftmaxRankingLoss(gamma: 10);
        var masked = loss.Forward(q, d, tensor(new[] { true, false, true }).view(1, 3)).item<float>();
        Assert.Equal(Math.Log(1 + Math.Exp(-10)), masked, 6);
    }

    [Fact]
    public void Learnable_gamma_gets_a_gradient_and_fixed_gamma_does_not()
    {
        using var scope = NewDisposeScope();
        var q = tensor(new float[] { 1, 0 }).view(1, 2);
        var d = tensor(new float[] { 1, 0, 0.5f, 0.5f }).view(1, 2, 2);
        using var learnable = new SoftmaxRankingLoss(gamma: 5, learnable: true);
        learnable.Forward(q, d).backward();
        Assert.Single(learnable.TrainableParameters);
        Assert.NotEqual(0f, learnable.TrainableParameters.Single().grad!.item<float>());
        using var fixedGamma = new SoftmaxRankingLoss(gamma: 5);
        Assert.Empty(fixedGamma.TrainableParameters);
    }

    [Fact]
    public void Pointwise_loss_is_binary_cross_entropy_on_gamma_cosine()
    {
        using var scope = NewDisposeScope();
        var q = tensor(new float[] { 1, 0, 1, 0 }).view(2, 2);
        var d = tensor(new float[] { 1, 0, 0, 1 }).view(2, 2); // cos 1 (label 1), cos 0 (label 0)
        using var loss = new PointwiseLoss(gamma: 2, positiveWeight: 3);
        var value = loss.Forward(q, d, tensor(new float[] { 1, 0 })).item<float>();
        // z = (2, 0), bias 0: mean(3·log(1+e^-2), log(1+e^0))
        Assert.Equal((3 * Math.Log(1 + Math.Exp(-2)) + Math.Log(2)) / 2, value, 5);
    }
}

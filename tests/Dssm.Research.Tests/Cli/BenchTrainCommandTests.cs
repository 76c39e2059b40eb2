namespace Dssm.Research.Tests.Cli;

/// <summary><c>dssm bench train</c>'s workload options, as a user types them; the figures it prints are not checked.</summary>
public class BenchTrainCommandTests
{
    [Fact]
    public void In_batch_and_cdssm_workloads_name_themselves_and_print_their_figures()
    {
        var (code, output) = DssmCli.Run(["bench", "train", "--sampler", "inbatch", "--batch", "8", "--vocab", "100", "--steps", "1", "--warmup", "0"]);
        Assert.True(code == 0, output);
        Assert.Contains("model dssm sampler inbatch batch 8 30 ids a text", output);
        Assert.Contains("in-batch: 7 negatives each", output);
        (code, output) = DssmCli.Run(["bench", "train", "--model", "cdssm", "--batch", "4", "--words", "3", "--nnz", "2", "--vocab", "100", "--steps", "1", "--warmup", "0"]);
        Assert.True(code == 0, output);
        Assert.Contains("model cdssm sampler random batch 4 3 words of 2 ids a text", output);
        Assert.Matches(@"train_queries_per_s \d+", output);
        Assert.Matches(@"phases_ms forward [\d.]+ \(windows [\d.]+ of it\)", output);
    }

    [Fact]
    public void A_sampler_without_a_synthetic_workload_is_one_error_line()
    {
        var (code, output) = DssmCli.Run(["bench", "train", "--sampler", "bm25"]);
        Assert.Equal(2, code);
        Assert.Equal("dssm: error: bench train: sampler must be random or inbatch, not bm25\n", output);
    }
}

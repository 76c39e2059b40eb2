namespace Dssm.Research.Tests.Benchmarks;

/// <summary>A benchmark: runs (and prints its timings) only with DSSM_BENCH=1; otherwise reported as skipped, with how to run it.</summary>
sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("DSSM_BENCH") != "1") Skip = "a benchmark: set DSSM_BENCH=1 to run it";
    }
}

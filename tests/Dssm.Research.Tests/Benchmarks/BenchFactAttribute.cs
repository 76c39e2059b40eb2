namespace Dssm.Research.Tests.Benchmarks;

/// <summary>A benchmark: runs only with <c>DSSM_BENCH=1</c>, otherwise skipped visibly (and counted as skipped).</summary>
sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute() { if (Environment.GetEnvironmentVariable("DSSM_BENCH") != "1") Skip = "a benchmark: set DSSM_BENCH=1 to run it"; }
}

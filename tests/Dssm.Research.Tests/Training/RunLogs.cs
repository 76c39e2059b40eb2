using Dssm.Research.Training;

namespace Dssm.Research.Tests.Training;

/// <summary>What the tests compare between two runs' metrics.jsonl.</summary>
static class RunLogs
{
    /// <summary>Every line with every field but the wall-clock ones (seconds, queries/s, RSS): two runs that computed the
    /// same thing — one uninterrupted, one killed and resumed, say — give the same lines.</summary>
    public static string[] Deterministic(string run) => MetricsLog.Read(Path.Combine(run, "metrics.jsonl"))
        .Select(e => string.Join(",", e.EnumerateObject().Where(p => p.Name is not ("seconds" or "queries_per_s" or "rss_mb")).Select(p => $"{p.Name}={p.Value}"))).ToArray();

    /// <summary>The logged mean losses, in order.</summary>
    public static double[] LoggedLosses(string run) => MetricsLog.Read(Path.Combine(run, "metrics.jsonl"))
        .Where(e => e.TryGetProperty("loss", out _)).Select(e => e.GetProperty("loss").GetDouble()).ToArray();
}

using System.Diagnostics;
using Dssm.Research.Training;
using static Dssm.Research.Tests.Training.RunLogs;

namespace Dssm.Research.Tests.Reliability;

/// <summary>
/// SIGKILL a real `dssm train` child at several moments (mid-step, around checkpoint writes), resume it,
/// and require the run folder to be readable at every kill and the final metrics to equal an uninterrupted
/// run with the same seed. Slow (about a minute) but part of CI.
/// </summary>
[Trait("Category", "Slow")]
public class KillAndResumeTests(Xunit.Abstractions.ITestOutputHelper log) : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "dssm-kill-" + Guid.NewGuid().ToString("N"));
    static readonly string Data = Path.Combine(DssmCli.Repo(), "datasets", "semantic-clicks");
    static readonly string[] Options = ["--epochs", "2", "--max-steps-per-epoch", "14", "--batch", "32", "--checkpoint-every", "2", "--quiet", "--threads", "1"];

    public void Dispose() { if (Directory.Exists(root)) Directory.Delete(root, true); }


    [Fact]
    public async Task Killed_at_random_moments_and_resumed_the_run_ends_as_an_uninterrupted_one()
    {
        var full = Path.Combine(root, "full");
        var fullClock = Stopwatch.StartNew();
        var (code, output) = DssmCli.Run(["train", "--data", Data, "--out", full, .. Options]);
        Assert.True(code == 0, output);
        // Kill delays scale with this machine's speed (a third of a whole run, at most 0.9 s), so that a fast machine
        // still sees several kills before the run can finish on its own.
        var fullSeconds = fullClock.Elapsed.TotalSeconds;
        var maxDelayMs = (int)Math.Clamp(fullSeconds * 1000 / 3, 100, 900);

        var killed = Path.Combine(root, "killed");
        var rng = new Random(20261127);
        var kills = new List<string>();
        var started = false;
        for (var attempt = 0; attempt < 12; attempt++)
        {
            string[] args = started ? ["train", "--resume", killed] : ["train", "--data", Data, "--out", killed, .. Options];
            var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "dssm.dll"), .. args])
            { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = DssmCli.Repo() };
            var statePath = Path.Combine(killed, "checkpoint", "state.json");
            var savedBefore = File.Exists(statePath) ? File.GetLastWriteTimeUtc(statePath) : DateTime.MinValue;
            using var child = Process.Start(psi)!;
            var stdout = child.StandardOutput.ReadToEndAsync();
            var stderr = child.StandardError.ReadToEndAsync();
            // Wait until training is under way, then a random delay. The first run: its metrics file exists (it is
            // opened before step 1). A resumed run: it has saved a checkpoint of its own, so each kill lands at a new
            // moment of the run, not again during the start-up of the process.
            bool UnderWay() => started
                ? File.Exists(statePath) && File.GetLastWriteTimeUtc(statePath) > savedBefore
                : File.Exists(Path.Combine(killed, "metrics.jsonl"));
            var clock = Stopwatch.StartNew();
            while (!child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60) && !UnderWay()) await Task.Delay(20);
            await Task.Delay(rng.Next(0, maxDelayMs));
            if (child.HasExited)
            {
                Assert.True(child.ExitCode == 0, await stdout + await stderr);
                break;
            }
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            started = true;
            var state = File.Exists(Path.Combine(killed, "checkpoint", "state.json")) ? File.ReadAllText(Path.Combine(killed, "checkpoint", "state.json")) : "(no checkpoint yet)";
            kills.Add(state.Replace("\n", " "));
            // Whatever the moment, the checkpoint on disk (if any) must load: no half-written files.
            if (Directory.Exists(Path.Combine(killed, "checkpoint")))
            {
                TensorFile.Load(Path.Combine(killed, "checkpoint", "model.bin"));
                TensorFile.Load(Path.Combine(killed, "checkpoint", "optimizer.bin"));
            }
        }
        log.WriteLine($"uninterrupted run {fullSeconds:F1} s; kill delays 0–{maxDelayMs} ms after training starts");
        foreach (var k in kills) log.WriteLine($"killed; checkpoint on disk: {k}");
        Assert.True(kills.Count >= 2, $"expected at least two kills, got {kills.Count}");
        if (!File.Exists(Path.Combine(killed, "best", "state.json")) || Deterministic(killed).Length < Deterministic(full).Length)
        {
            (code, output) = DssmCli.Run(["train", "--resume", killed]);
            Assert.True(code == 0, output);
        }
        Assert.Equal(Deterministic(full), Deterministic(killed));
        Assert.Equal(File.ReadAllBytes(Path.Combine(full, "best", "model.bin")), File.ReadAllBytes(Path.Combine(killed, "best", "model.bin")));
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Tests.Training;
using Dssm.Research.Training;
using static Dssm.Research.Tests.Training.RunLogs;

namespace Dssm.Research.Tests.Reliability;

/// <summary>
/// A run folder that cannot be written, a disk too small for the run, and a disk that fills up in the middle of
/// a run: each is one clear error naming the folder or file, nothing is trained into a folder that cannot hold
/// the run, and a failed checkpoint save leaves the previous checkpoint loadable, so that after freeing space
/// <c>--resume</c> ends the run exactly as an uninterrupted one.
/// <para>
/// Tests run as root (CI included), for whom file modes do not stop a write, so an unwritable folder is one
/// below a regular file or inside /proc. A real full disk is a small tmpfs (<see cref="TinyDisk"/>) where it can
/// be mounted; the same failure is also injected into <see cref="AtomicFile"/>, so that it is tested everywhere.
/// </para>
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("dssm-diskfull-").FullName;
    public DiskFullTests() => TorchRuntime.Initialize();
    public void Dispose() => Directory.Delete(root, recursive: true);

    static readonly TrainOptions Small = new()
    {
        Towers = new DssmOptions { Hidden = new[] { 32 }, Output = 16 },
        BatchSize = 16, Epochs = 2, LearningRate = 0.01, Patience = 0, LogEverySteps = 1, CheckpointEverySteps = 2, Device = DeviceChoice.Cpu,
    };

    static readonly string Data = Path.Combine(DssmCli.Repo(), "datasets", "semantic-clicks");

    /// <summary>Trains <see cref="Small"/> on the synthetic clicks; <paramref name="onProgress"/> sees every report.</summary>
    static TrainResult Train(string run, bool resume = false, Action<TrainProgress>? onProgress = null)
    {
        var data = SyntheticClicks.Make();
        using var trainer = new Trainer(Small, data, new TestFeaturizer(), new Top1Evaluator(data), onProgress);
        return trainer.Run(run, resume);
    }


    static bool AfterStep3(TrainProgress p) => p.Epoch == 1 && p.Step == 3 && !double.IsNaN(p.Loss);

    static long CheckpointStep(string run) =>
        JsonSerializer.Deserialize<RunState>(File.ReadAllText(Path.Combine(run, "checkpoint", "state.json")), Json.Options)!.GlobalStep;

    // ---- unwritable folder ---------------------------------------------------------------------------------

    [Fact]
    public void A_run_folder_below_a_file_is_refused_before_any_training()   // ENOTDIR: the parent of the run folder is a regular file
    {
        File.WriteAllText(Path.Combine(root, "a-file"), "not a folder");
        RefusedBeforeAnyTraining(Path.Combine(root, "a-file", "run"));
    }

    [LinuxFact]
    public void A_run_folder_in_proc_is_refused_before_any_training() =>   // an existing folder where no file can be created, even by root
        RefusedBeforeAnyTraining("/proc/self");

    void RefusedBeforeAnyTraining(string run)
    {
        var progressed = false;
        var e = Assert.Throws<IOException>(() => Train(run, onProgress: _ => progressed = true));
        Assert.StartsWith($"{run}: cannot write the run folder here (", e.Message);
        Assert.EndsWith("Choose another --out.", e.Message);
        Assert.False(progressed, "a training step ran before the folder was checked");
    }

    [Fact]
    public void The_cli_reports_an_unwritable_run_folder_in_one_line_before_loading_the_data()
    {
        File.WriteAllText(Path.Combine(root, "a-file"), "not a folder");
        var run = Path.Combine(root, "a-file", "run");
        var (code, output) = DssmCli.Run(["train", "--data", Data, "--out", run, "--epochs", "1", "--quiet"]);
        Assert.Equal(2, code);
        var line = Assert.Single(output.Trim().Split('\n'));   // one line, no stack trace
        Assert.StartsWith($"dssm: error: {run}: cannot write the run folder here (", line);
    }

    [TinyDiskFact]
    public void A_read_only_disk_is_refused_naming_the_folder()
    {
        using var disk = new TinyDisk(1 << 20, readOnly: true);
        var run = Path.Combine(disk.Root, "run");
        var e = Assert.Throws<IOException>(() => Train(run));
        Assert.StartsWith($"{run}: cannot write the run folder here (", e.Message);
        Assert.Contains("Read-only file system", e.Message);
    }

    // ---- too little space at the start ---------------------------------------------------------------------

    [Fact]
    public void Too_little_free_space_is_refused_naming_the_folder_and_the_MiB_figures()
    {
        var run = Path.Combine(root, "run");
        var free = new DriveInfo(root).AvailableFreeSpace;
        var needed = free + (1L << 30);                        // a GiB more than the disk has
        var e = Assert.Throws<IOException>(() => new RunFolder(run).Prepare(needed));
        var m = Regex.Match(e.Message, @"^(.+): only (\d+) MiB free on its disk; this run needs about (\d+) MiB \(two checkpoints while one replaces the other, and the best weights\)\. Free space or choose another --out\.$");
        Assert.True(m.Success, e.Message);
        Assert.Equal(run, m.Groups[1].Value);
        Assert.Equal((needed + (1L << 20) - 1) >> 20, long.Parse(m.Groups[3].Value));
        Assert.InRange(long.Parse(m.Groups[2].Value), 0, (needed >> 20) - 1024);   // the disk's own figure, below what was asked
        Assert.Empty(Directory.GetFileSystemEntries(run));     // the probe is gone, nothing else was written
    }

    [Fact]
    public void A_run_needs_room_for_two_checkpoints_and_the_best_weights()
    {
        // Worked example: 1 MiB of weights and 2 MiB of Adam moments → 3 MiB a checkpoint; at the swap the old
        // and the new one are both on disk (6 MiB), plus best/model.bin (1 MiB), plus 8 MiB for the small files.
        Assert.Equal(15L << 20, RunFolder.BytesNeeded(checkpointBytes: 3L << 20, modelBytes: 1L << 20));
    }

    [TinyDiskFact]
    public void A_disk_smaller_than_the_run_needs_is_refused_at_the_start_and_by_the_cli_in_one_line()
    {
        using var disk = new TinyDisk(4 << 20);   // below the 8 MiB margin alone: no run fits
        var run = Path.Combine(disk.Root, "run");
        var progressed = false;
        var e = Assert.Throws<IOException>(() => Train(run, onProgress: _ => progressed = true));
        var m = Regex.Match(e.Message, @"^(.+): only (\d+) MiB free on its disk; this run needs about (\d+) MiB ");
        Assert.True(m.Success, e.Message);
        Assert.Equal(run, m.Groups[1].Value);
        Assert.InRange(long.Parse(m.Groups[2].Value), 3, 4);   // the tmpfs's figure, not the root disk's
        Assert.InRange(long.Parse(m.Groups[3].Value), 9, 10);  // 8 MiB + two small checkpoints + best
        Assert.False(progressed);
        Assert.False(File.Exists(Path.Combine(run, "config.json")));

        var (code, output) = DssmCli.Run(["train", "--data", Data, "--out", Path.Combine(disk.Root, "cli"), "--epochs", "1", "--quiet"]);
        Assert.Equal(2, code);
        var line = output.Trim().Split('\n').Single();
        Assert.Matches(@"^dssm: error: .+/cli: only \d+ MiB free on its disk; this run needs about \d+ MiB ", line);
    }

    // ---- the disk fills up during the run -----------------------------------------------------------------

    /// <summary>Checks a run folder after a failed save: checkpoint of step 2, loadable, no temporary files left.</summary>
    static void AssertPreviousCheckpointIntact(string run)
    {
        Assert.Equal(2, CheckpointStep(run));
        TensorFile.Load(Path.Combine(run, "checkpoint", "model.bin"));
        TensorFile.Load(Path.Combine(run, "checkpoint", "optimizer.bin"));
        Assert.Empty(Directory.GetDirectories(run, ".checkpoint.*"));
        Assert.Empty(Directory.GetFiles(run, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("model.bin")]
    [InlineData("optimizer.bin")]
    [InlineData("state.json")]
    public void A_disk_full_during_a_checkpoint_save_keeps_the_previous_checkpoint_and_resume_finishes_the_run(string failsIn)
    {
        var full = Train(Path.Combine(root, "full")).RunDirectory;
        var run = Path.Combine(root, "run");
        var left = new StrongBox<long>(long.MaxValue);
        AtomicFile.SpaceLeftForTests.Value = left;
        try
        {
            // After the checkpoint of step 2, leave room for the files of a checkpoint before failsIn, and 100 bytes.
            var e = Assert.Throws<IOException>(() => Train(run, onProgress: p =>
            {
                if (!AfterStep3(p)) return;
                long Size(string name) => new FileInfo(Path.Combine(run, "checkpoint", name)).Length;
                left.Value = 100 + failsIn switch { "model.bin" => 0, "optimizer.bin" => Size("model.bin"), _ => Size("model.bin") + Size("optimizer.bin") };
            }));
            Assert.StartsWith($"{Path.Combine(run, "checkpoint", failsIn)}: saving the checkpoint at step 4 failed (No space left on device : '", e.Message);
            Assert.EndsWith($"'); the previous checkpoint is intact. Free space, then continue with --resume {run}", e.Message);
        }
        finally { AtomicFile.SpaceLeftForTests.Value = null; }

        AssertPreviousCheckpointIntact(run);
        Train(run, resume: true);
        Assert.Equal(Deterministic(full), Deterministic(run));
        Assert.Equal(File.ReadAllBytes(Path.Combine(full, "best", "model.bin")), File.ReadAllBytes(Path.Combine(run, "best", "model.bin")));
    }

    [TinyDiskFact]
    public void A_real_disk_filling_up_mid_run_fails_naming_the_file_and_resume_finishes_the_run()
    {
        var full = Train(Path.Combine(root, "full")).RunDirectory;
        using var disk = new TinyDisk(16 << 20);
        var run = Path.Combine(disk.Root, "run");
        string? ballast = null;
        // Something else fills the disk after the checkpoint of step 2; the next write that needs a new page fails.
        var e = Assert.Throws<IOException>(() => Train(run, onProgress: p => { if (AfterStep3(p)) ballast = disk.Fill(); }));
        Assert.NotNull(ballast);
        Assert.StartsWith(run + "/", e.Message);                       // names the file in the run folder …
        Assert.Contains("No space left on device", e.Message);         // … what went wrong …
        Assert.Contains($"--resume {run}", e.Message);                 // … and how to go on
        AssertPreviousCheckpointIntact(run);

        File.Delete(ballast!);
        Train(run, resume: true);
        Assert.Equal(Deterministic(full), Deterministic(run));
        Assert.Equal(File.ReadAllBytes(Path.Combine(full, "best", "model.bin")), File.ReadAllBytes(Path.Combine(run, "best", "model.bin")));
    }
}

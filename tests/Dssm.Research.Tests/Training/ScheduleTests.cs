using Dssm.Research.Runtime;
using Dssm.Research.Training;

namespace Dssm.Research.Tests.Training;

/// <summary>
/// Learning-rate schedules (<see cref="TrainOptions.LearningRateAt"/>), worked by hand for a base rate of 1, two warm-up
/// steps and ten steps in all: warm-up gives (step + 1) / 2, then progress p = (step − 2) / 8 runs from 0 to 1.
/// </summary>
public sealed class ScheduleTests
{
    static double At(ScheduleKind schedule, long step, long total = 10) =>
        new TrainOptions { LearningRate = 1, WarmupSteps = 2, Schedule = schedule }.LearningRateAt(step, total);

    [Theory]
    [InlineData(ScheduleKind.Constant)]
    [InlineData(ScheduleKind.Linear)]
    [InlineData(ScheduleKind.Cosine)]
    public void Warm_up_rises_linearly_to_the_base_rate(ScheduleKind schedule)
    {
        Assert.Equal(0.5, At(schedule, 0));   // (0 + 1) / 2
        Assert.Equal(1.0, At(schedule, 1));   // (1 + 1) / 2
        Assert.Equal(1.0, At(schedule, 2));   // p = 0
    }

    [Fact]
    public void Constant_stays_linear_falls_to_zero_cosine_follows_half_a_cosine()
    {
        Assert.Equal(1.0, At(ScheduleKind.Constant, 9));
        Assert.Equal(0.5, At(ScheduleKind.Linear, 6), 12);          // p = 4/8: 1 − 0.5
        Assert.Equal(0.0, At(ScheduleKind.Linear, 10), 12);         // p = 1
        Assert.Equal(0.0, At(ScheduleKind.Linear, 20), 12);         // past the end, p stays 1
        Assert.Equal(0.5, At(ScheduleKind.Cosine, 6), 12);          // p = 1/2: (1 + cos π/2) / 2
        Assert.Equal(0.8535533906, At(ScheduleKind.Cosine, 4), 9);  // p = 1/4: (1 + cos π/4) / 2 = (1 + 0.7071068) / 2
        Assert.Equal(0.0, At(ScheduleKind.Cosine, 10), 12);         // p = 1: (1 + cos π) / 2
    }

    [Fact]
    public void A_run_no_longer_than_its_warm_up_keeps_the_base_rate_after_it() =>
        Assert.Equal(1.0, At(ScheduleKind.Linear, 5, total: 2));

    [Fact]
    public void The_trainer_logs_the_rate_of_each_step()
    {
        var root = Path.Combine(Path.GetTempPath(), "dssm-schedule-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new TrainOptions
            {
                Towers = new() { Hidden = [16], Output = 8 }, BatchSize = 16, Epochs = 1, LearningRate = 0.01, Patience = 0,
                LogEverySteps = 1, Device = DeviceChoice.Cpu, Schedule = ScheduleKind.Linear, WarmupSteps = 2,
            };
            var data = SyntheticClicks.Make();
            using var trainer = new Trainer(options, data, new TestFeaturizer());
            var total = trainer.StepsPerEpoch;
            var run = trainer.Run(Path.Combine(root, "run")).RunDirectory;
            var logged = MetricsLog.Read(Path.Combine(run, "metrics.jsonl")).Where(e => e.TryGetProperty("lr", out _))
                .Select(e => (Step: e.GetProperty("step").GetInt64(), Lr: e.GetProperty("lr").GetDouble())).ToList();
            Assert.Equal(total, logged.Count);
            Assert.Equal(0.005, logged[0].Lr, 12);                                  // the line of step 1 logs the rate of step 0: 0.01 · 1/2
            Assert.Equal(0.01, logged[1].Lr, 12);
            Assert.Equal(0.01 * (1 - (total - 3.0) / (total - 2)), logged[^1].Lr, 12);   // the last step, total − 1: p = (total − 3) / (total − 2)
            Assert.All(logged, l => Assert.Equal(options.LearningRateAt(l.Step - 1, total), l.Lr, 12));
        }
        finally { if (Directory.Exists(root)) Directory.Delete(root, true); }
    }
}

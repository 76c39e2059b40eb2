namespace Dssm.Research.Training;

/// <summary>The learning-rate schedule after <see cref="TrainOptions.WarmupSteps"/> of linear warm-up
/// (<see cref="TrainOptions.LearningRateAt"/>); named <c>constant</c>, <c>linear</c>, <c>cosine</c> in configs.</summary>
public enum ScheduleKind
{
    /// <summary>The learning rate throughout.</summary>
    Constant,
    /// <summary>Linear decay to 0 at the last step.</summary>
    Linear,
    /// <summary>Half a cosine from the learning rate to 0 (Loshchilov and Hutter 2017, SGDR, without restarts).</summary>
    Cosine,
}

namespace Dssm.Research.Training;

/// <summary>What a run does on a NaN or infinite loss or gradient; named <c>stop</c> and <c>skip</c> in configs and
/// on the command line.</summary>
public enum NonFiniteAction
{
    /// <summary>Stop with an error that names the step, the batch and the last good checkpoint.</summary>
    Stop,
    /// <summary>Drop the batch (no update) and go on; each is a <c>skipped_batch</c> line of metrics.jsonl and counted in the result.</summary>
    Skip,
}

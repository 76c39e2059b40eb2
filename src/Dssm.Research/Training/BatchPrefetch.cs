namespace Dssm.Research.Training;

/// <summary>
/// An epoch's batches with the next one built on a pool thread while the current one trains (featurizing and
/// sampling overlap the forward and backward passes). Disposing waits for a fetch still running, so the reader is
/// never disposed under it.
/// </summary>
internal sealed class BatchPrefetch(IEnumerable<TrainingBatch> batches, int epoch, int stepsPerEpoch) : IDisposable
{
    readonly IEnumerator<TrainingBatch> reader = batches.GetEnumerator();
    Task<TrainingBatch>? next;

    /// <summary>The batch of <paramref name="step"/>; starts building the one after it unless this is the epoch's last.</summary>
    public TrainingBatch Take(int step)
    {
        var batch = next is null ? Fetch() : next.Result;
        next = step + 1 < stepsPerEpoch ? Task.Run(Fetch) : null;
        return batch;
    }

    TrainingBatch Fetch() => reader.MoveNext() ? reader.Current
        : throw new InvalidOperationException($"the training data ended before step {stepsPerEpoch} of epoch {epoch + 1}: did the data change during the run?");

    public void Dispose()
    {
        try { next?.Wait(); } catch (AggregateException) { }
        reader.Dispose();
    }
}

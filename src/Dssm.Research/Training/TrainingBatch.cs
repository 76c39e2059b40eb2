using Dssm.Research.Models;

namespace Dssm.Research.Training;

/// <summary>
/// One mini-batch, featurized and ready for the towers. Softmax batches hold B queries and B·(1+J) documents
/// (each clicked document followed by its J negatives), or B documents and a (B, 1+J) <see cref="Mask"/> for
/// in-batch negatives; pointwise batches hold B labelled (query, document) rows.
/// </summary>
internal sealed record TrainingBatch(ModelBatch Query, ModelBatch Document, bool[]? Mask, float[]? Labels, int Queries);

/// <summary>
/// Where the trainer's mini-batches come from: the tables in memory (<see cref="ClickSource"/>) or a pair file
/// read block by block (<see cref="PairStreamSource"/>). An epoch's batches depend only on (seed, epoch,
/// step), so a resumed run asks for the epoch from its step and gets what the uninterrupted run got.
/// </summary>
internal interface ITrainingSource
{
    /// <summary>Training examples in an epoch: clicks, or labelled rows.</summary>
    long Examples { get; }

    /// <summary>The batches of <paramref name="epoch"/> from <paramref name="firstStep"/> on, built lazily (the
    /// trainer builds the next one on another thread while the current one trains).</summary>
    IEnumerable<TrainingBatch> Epoch(int epoch, int firstStep, long firstGlobalStep);
}

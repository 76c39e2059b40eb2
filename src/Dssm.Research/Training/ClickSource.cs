using Dssm.Research.Data;
using Dssm.Research.Sampling;

namespace Dssm.Research.Training;

/// <summary>
/// Mini-batches from tables held in memory: every text featurized once (<see cref="FeatureCache"/>), the
/// epoch's order a seeded shuffle of all examples, J negatives per click drawn by the configured sampler
/// (§3.3) with a generator that depends on the global step only. With <see cref="TrainOptions.InBatch"/>, every
/// document of the batch is a candidate of every row, and the mask keeps out the row's own positives; with
/// <see cref="TrainOptions.NoDuplicates"/>, the order is regrouped so no text repeats within a batch.
/// </summary>
internal sealed class ClickSource : ITrainingSource
{
    readonly TrainOptions options;
    readonly ClickData data;
    readonly INegativeSampler? sampler;
    readonly bool rows;

    public ClickSource(TrainOptions options, ClickData data, FeatureCache documents, FeatureCache queries, INegativeSampler? sampler)
    {
        this.options = options; this.data = data; this.sampler = sampler;
        Documents = documents; Queries = queries;
        rows = data.Rows.Count > 0;
    }

    public FeatureCache Documents { get; }
    public FeatureCache Queries { get; }
    public long Examples => rows ? data.Rows.Count : data.Clicks.Count;

    public IEnumerable<TrainingBatch> Epoch(int epoch, int firstStep, long firstGlobalStep)
    {
        var order = Enumerable.Range(0, (int)Examples).ToArray();
        Rng.For(options.Seed, 0, epoch).Shuffle(order);
        var globalStep = firstGlobalStep;
        if (options.NoDuplicates && !rows)
        {
            var (batches, _) = NoDuplicateBatches.Plan(order, options.BatchSize, Keys);
            for (var b = firstStep; b < batches.Count; b++) yield return Prepare(batches[b], globalStep++);
            yield break;
        }
        for (var start = (long)firstStep * options.BatchSize; start < order.Length; start += options.BatchSize)
            yield return Prepare(order.AsSpan((int)start, Math.Min(options.BatchSize, order.Length - (int)start)), globalStep++);
    }

    /// <summary>Clicks the no-duplicates order leaves out of <paramref name="epoch"/> (0 without it).</summary>
    public int LeftOut(int epoch)
    {
        if (!options.NoDuplicates || rows) return 0;
        var order = Enumerable.Range(0, (int)Examples).ToArray();
        Rng.For(options.Seed, 0, epoch).Shuffle(order);
        return NoDuplicateBatches.Plan(order, options.BatchSize, Keys).LeftOut;
    }

    /// <summary>A click's texts as ids of their normalised forms (<see cref="NoDuplicateBatches.TextIds"/>): its document's and its query's.</summary>
    (int, int) Keys(int click)
    {
        documentTextIds ??= NoDuplicateBatches.TextIds(data.Documents.Select(d => d.Text).ToList());
        queryTextIds ??= NoDuplicateBatches.TextIds(data.Queries.Select(q => q.Text).ToList());
        var (q, d) = data.Clicks[click];
        return (documentTextIds[d], queryTextIds[q]);
    }

    int[]? documentTextIds, queryTextIds;

    TrainingBatch Prepare(ReadOnlySpan<int> items, long globalStep)
    {
        var size = items.Length;
        if (rows)
        {
            var q = new int[size]; var d = new int[size]; var labels = new float[size];
            for (var i = 0; i < size; i++) { var row = data.Rows[items[i]]; q[i] = row.Query; d[i] = row.Document; labels[i] = row.Label; }
            return new TrainingBatch(Queries.Gather(q), Documents.Gather(d), null, labels, size);
        }
        var queries = new int[size];
        for (var i = 0; i < size; i++) queries[i] = data.Clicks[items[i]].Query;
        if (options.InBatch) return PrepareInBatch(queries, items, globalStep);
        if (options.Sampler == SamplerKind.InBatch)
        {
            var positives = new int[size];
            for (var i = 0; i < size; i++) positives[i] = data.Clicks[items[i]].Document;
            var j = options.Negatives;
            var mask = new bool[size * (1 + j)];
            for (var i = 0; i < size; i++)
                for (var k = 0; k <= j; k++)
                    mask[i * (1 + j) + k] = k == 0 || !data.PositivesOf[queries[i]].Contains(positives[(i + k) % size]);
            return new TrainingBatch(Queries.Gather(queries), Documents.Gather(positives), mask, null, size);
        }
        var rng = Rng.For(options.Seed, 1, globalStep);
        var per = 1 + options.Negatives;
        var docs = new int[size * per];
        for (var i = 0; i < size; i++)
        {
            var (query, positive) = data.Clicks[items[i]];
            docs[i * per] = positive;
            sampler!.Sample(query, data.PositivesOf[query], docs.AsSpan(i * per + 1, options.Negatives), rng);
        }
        return new TrainingBatch(Queries.Gather(queries), Documents.Gather(docs), null, null, size);
    }

    /// <summary>
    /// B rows, each its positive then J sampled negatives (B·(1+J) documents); the mask (B, B·(1+J)) is false where
    /// column c holds a positive of row i's query other than its own target i·(1+J) — a click of it elsewhere in
    /// the batch, or a sampled document that another query's sampler could not know it must avoid.
    /// </summary>
    TrainingBatch PrepareInBatch(int[] queries, ReadOnlySpan<int> items, long globalStep)
    {
        var size = items.Length;
        var per = 1 + options.Negatives;
        var docs = new int[size * per];
        var rng = Rng.For(options.Seed, 1, globalStep);
        for (var i = 0; i < size; i++)
        {
            var (query, positive) = data.Clicks[items[i]];
            docs[i * per] = positive;
            if (per > 1) sampler!.Sample(query, data.PositivesOf[query], docs.AsSpan(i * per + 1, options.Negatives), rng);
        }
        var columns = docs.Length;
        var mask = new bool[size * columns];
        for (var i = 0; i < size; i++)
        {
            var positives = data.PositivesOf[queries[i]];
            for (var c = 0; c < columns; c++)
                mask[i * columns + c] = c == i * per || !positives.Contains(docs[c]);
        }
        return new TrainingBatch(Queries.Gather(queries), Documents.Gather(docs), mask, null, size);
    }
}

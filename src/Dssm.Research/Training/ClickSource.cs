using Dssm.Research.Data;
using Dssm.Research.Sampling;

namespace Dssm.Research.Training;

/// <summary>
/// Mini-batches from tables held in memory: every text featurized once (<see cref="FeatureCache"/>), the
/// epoch's order a seeded shuffle of all examples, J negatives per click drawn by the configured sampler
/// (§3.3) with a generator that depends on the global step only.
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
        for (var start = (long)firstStep * options.BatchSize; start < order.Length; start += options.BatchSize)
            yield return Prepare(order.AsSpan((int)start, Math.Min(options.BatchSize, order.Length - (int)start)), globalStep++);
    }

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
}

using Dssm.Research.Data;
using Dssm.Research.Losses;
using Dssm.Research.Sampling;
using Dssm.Research.Text;

namespace Dssm.Research.Training;

/// <summary>
/// A pair file (<c>label&lt;TAB&gt;query&lt;TAB&gt;doc</c>) to train from without loading it: read block by
/// block, each block shuffled in memory, featurized batch by batch. Memory is bounded by
/// <see cref="ShuffleBuffer"/> rows, whatever the file's size.
/// </summary>
/// <param name="File">The pair file (see <see cref="PointwiseReader"/>).</param>
/// <param name="ShuffleBuffer">Rows held and shuffled together (rounded up to whole batches). Larger mixes
/// better and costs memory: ~0.5 KB a row for texts of a few hundred characters.</param>
public sealed record PairStream(string File, int ShuffleBuffer = 65_536)
{
    /// <summary>Rows read in one pass, and how many are labelled 1 (the clicks of the softmax loss).</summary>
    public (long Rows, long Positives) Count()
    {
        long rows = 0, positives = 0;
        foreach (var pair in PointwiseReader.Read(File)) { rows++; positives += pair.Label; }
        return (rows, positives);
    }
}

/// <summary>
/// Mini-batches streamed from a <see cref="PairStream"/>. Pointwise loss: every row is an example. Softmax
/// loss (§3.3): every row labelled 1 is a click; label-0 rows are not read as examples (their number is
/// reported in the run's provenance). The J negatives of a click are drawn at random from the documents of
/// its block (never the click's own document, nor a document clicked under the same query in the block),
/// or are the other clicks' documents in the batch (in-batch). Block b of epoch e is shuffled by
/// (seed, e, b) and negatives drawn by (seed, global step), so resuming from any step repeats the
/// uninterrupted run exactly.
/// </summary>
internal sealed class PairStreamSource : ITrainingSource
{
    readonly TrainOptions options;
    readonly PairStream stream;
    readonly ITextFeaturizer featurizer;
    readonly bool perWord, clicks;
    readonly int blockRows;

    public PairStreamSource(TrainOptions options, PairStream stream, ITextFeaturizer featurizer, bool perWord)
    {
        this.options = options; this.stream = stream; this.featurizer = featurizer; this.perWord = perWord;
        clicks = options.Loss == LossKind.Softmax;
        if (clicks && options.Sampler is not (SamplerKind.Random or SamplerKind.InBatch) && !(options.InBatch && options.Negatives == 0))
            throw new ArgumentException($"training option Sampler: {options.Sampler} needs the whole corpus in memory; a streamed pair file samples random or in-batch negatives");
        if (clicks && options.NoDuplicates)
            throw new ArgumentException("training option NoDuplicates: the no-duplicates order regroups a whole epoch; a streamed pair file is read block by block (load it into memory, --stream-buffer 0)");
        if (stream.ShuffleBuffer < 1) throw new ArgumentException($"shuffle buffer: {stream.ShuffleBuffer}; expected ≥ 1 row");
        blockRows = (int)Math.Min(int.MaxValue / 2, ((long)stream.ShuffleBuffer + options.BatchSize - 1) / options.BatchSize * options.BatchSize);
        (Rows, Positives) = stream.Count();
        Examples = clicks ? Positives : Rows;
        if (Examples == 0)
            throw new ArgumentException($"{stream.File}: no row labelled 1; the softmax loss trains on clicks (use the pointwise loss for rows labelled 0 only)");
    }

    public long Rows { get; }
    public long Positives { get; }
    public long Examples { get; }
    public int BlockRows => blockRows;

    public IEnumerable<TrainingBatch> Epoch(int epoch, int firstStep, long firstGlobalStep)
    {
        var skip = (long)firstStep * options.BatchSize;
        var block = skip / blockRows;
        var offset = (int)(skip % blockRows);
        var globalStep = firstGlobalStep;
        using var examples = ReadExamples().GetEnumerator();
        for (var i = 0L; i < block * blockRows; i++)
            if (!examples.MoveNext()) yield break;
        var buffer = new List<PointwisePair>(blockRows);
        while (true)
        {
            buffer.Clear();
            while (buffer.Count < blockRows && examples.MoveNext()) buffer.Add(examples.Current);
            if (buffer.Count == 0) yield break;
            var rows = buffer.ToArray();
            Rng.For(options.Seed, 2, ((long)epoch << 32) | block).Shuffle(rows);
            for (var start = offset; start < rows.Length; start += options.BatchSize)
                yield return Prepare(rows, start, Math.Min(options.BatchSize, rows.Length - start), globalStep++);
            offset = 0;
            block++;
        }
    }

    IEnumerable<PointwisePair> ReadExamples() =>
        clicks ? PointwiseReader.Read(stream.File).Where(p => p.Label == 1) : PointwiseReader.Read(stream.File);

    TrainingBatch Prepare(PointwisePair[] block, int start, int size, long globalStep)
    {
        var batch = block.AsSpan(start, size);
        var queries = new string[size];
        for (var i = 0; i < size; i++) queries[i] = batch[i].Query;
        if (!clicks)
        {
            var docs = new string[size]; var labels = new float[size];
            for (var i = 0; i < size; i++) { docs[i] = batch[i].Doc; labels[i] = batch[i].Label; }
            return new TrainingBatch(Featurize(queries), Featurize(docs), null, labels, size);
        }
        var j = options.Negatives;
        if (options.Sampler == SamplerKind.InBatch)
        {
            var positives = new string[size];
            var mask = new bool[size * (1 + j)];
            for (var i = 0; i < size; i++) positives[i] = batch[i].Doc;
            for (var i = 0; i < size; i++)
                for (var k = 0; k <= j; k++)
                {
                    var other = batch[(i + k) % size];
                    mask[i * (1 + j) + k] = k == 0 || (other.Doc != batch[i].Doc && other.Query != batch[i].Query);
                }
            return new TrainingBatch(Featurize(queries), Featurize(positives), mask, null, size);
        }
        if (options.InBatch && j == 0) return InBatch(batch, queries, batch.ToArray().Select(p => p.Doc).ToArray(), size);
        var rng = Rng.For(options.Seed, 1, globalStep);
        var candidates = new string[size * (1 + j)];
        for (var i = 0; i < size; i++)
        {
            var (query, positive) = (batch[i].Query, batch[i].Doc);
            candidates[i * (1 + j)] = positive;
            for (var k = 1; k <= j; k++)
            {
                string? pick = null;
                for (var tries = 0; tries < 1000 && pick is null; tries++)
                {
                    var row = block[rng.Next(block.Length)];
                    if (row.Doc == positive || row.Query == query) continue;
                    var repeat = false;
                    for (var m = 1; m < k; m++) repeat |= candidates[i * (1 + j) + m] == row.Doc;
                    if (!repeat) pick = row.Doc;
                }
                candidates[i * (1 + j) + k] = pick ?? throw new InvalidOperationException(
                    $"{stream.File}: a block of {block.Length} clicks has fewer than J = {j} documents unrelated to the query '{query}'; use fewer negatives or a larger shuffle buffer");
            }
        }
        return options.InBatch ? InBatch(batch, queries, candidates, size) : new TrainingBatch(Featurize(queries), Featurize(candidates), null, null, size);
    }

    /// <summary>
    /// Every document of the batch a candidate of every row (<see cref="TrainOptions.InBatch"/>); the block knows no
    /// other positives, so column c is dropped for row i when it holds row i's document, or is the positive of a
    /// row with row i's query.
    /// </summary>
    TrainingBatch InBatch(ReadOnlySpan<PointwisePair> batch, string[] queries, string[] candidates, int size)
    {
        var per = candidates.Length / size;
        var mask = new bool[size * candidates.Length];
        for (var i = 0; i < size; i++)
            for (var c = 0; c < candidates.Length; c++)
                mask[i * candidates.Length + c] = c == i * per
                    || (candidates[c] != batch[i].Doc && (c % per != 0 || batch[c / per].Query != batch[i].Query));
        return new TrainingBatch(Featurize(queries), Featurize(candidates), mask, null, size);
    }

    Models.ModelBatch Featurize(string[] texts)
    {
        var cache = FeatureCache.Build(texts, featurizer, perWord);
        var all = new int[texts.Length];
        for (var i = 0; i < all.Length; i++) all[i] = i;
        return cache.Gather(all);
    }
}

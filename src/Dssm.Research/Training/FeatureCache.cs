using Dssm.Research.Data;
using Dssm.Research.Models;
using Dssm.Research.Text;

namespace Dssm.Research.Training;

/// <summary>
/// The features of a text table, for <see cref="Gather"/> to copy into a <see cref="ModelBatch"/>. Cached: every text
/// featurized once, stored in blocks of <see cref="Block"/> texts (text t of a block owns bags
/// [TextFirstBag[t], TextFirstBag[t+1]), bag b owns ids [BagStart[b], BagStart[b+1]); one bag per text for DSSM, one per
/// word for CDSSM), so no featurization and no per-token allocation happen inside the training loop. Streamed: when the
/// cache would pass its byte budget (<see cref="Build(IReadOnlyList{string}, ITextFeaturizer, bool, long)"/>), the
/// texts are featurized again at each <see cref="Gather"/> — the same ids and weights, at the cost of featurizing
/// the batch's texts in the prefetch thread, so memory no longer grows with the corpus's features.
/// </summary>
public sealed class FeatureCache
{
    /// <summary>Texts per stored block (and per featurizer call while building).</summary>
    public const int Block = 2048;

    /// <summary>Bytes one stored feature costs: an int id and a float weight.</summary>
    public const int BytesPerFeature = sizeof(int) + sizeof(float);

    readonly IReadOnlyList<Chunk>? chunks;
    readonly IReadOnlyList<string>? texts;
    readonly ITextFeaturizer? featurizer;
    readonly bool perWord;
    readonly int count;

    /// <summary>One block of featurized texts; bag starts and first bags are local to the block.</summary>
    sealed record Chunk(int[] Ids, float[] Weights, int[] BagStart, int[] TextFirstBag)
    {
        public int Length => TextFirstBag.Length - 1;

        public long Bytes => (long)Ids.Length * BytesPerFeature + 4L * (BagStart.Length + TextFirstBag.Length);
    }

    FeatureCache(IReadOnlyList<Chunk> chunks, int count) { this.chunks = chunks; this.count = count; }

    FeatureCache(IReadOnlyList<string> texts, ITextFeaturizer featurizer, bool perWord)
    {
        this.texts = texts; this.featurizer = featurizer; this.perWord = perWord; count = texts.Count;
    }

    public int Texts => count;

    /// <summary>Whether the features are featurized at each <see cref="Gather"/> rather than held.</summary>
    public bool Streamed => chunks is null;

    /// <summary>Bytes the stored features take (0 when streamed).</summary>
    public long Bytes => chunks?.Sum(c => c.Bytes) ?? 0;

    /// <summary>Every text featurized and held, whatever it costs.</summary>
    public static FeatureCache Build(IReadOnlyList<string> texts, ITextFeaturizer featurizer, bool perWord) =>
        Build(texts, featurizer, perWord, long.MaxValue);

    /// <summary>
    /// Every text featurized and held while the stored features stay within <paramref name="budgetBytes"/>; past it, the
    /// blocks built so far are dropped and the table is <see cref="Streamed"/> — at once when the first block's features,
    /// scaled to the whole table, come to more than twice the budget.
    /// </summary>
    public static FeatureCache Build(IReadOnlyList<string> texts, ITextFeaturizer featurizer, bool perWord, long budgetBytes)
    {
        var built = new List<Chunk>((texts.Count + Block - 1) / Block);
        long bytes = 0;
        for (var start = 0; start < texts.Count; start += Block)
        {
            GarbageBound.Check();
            var chunk = Featurize(texts, start, Math.Min(Block, texts.Count - start), featurizer, perWord);
            bytes += chunk.Bytes;
            // Past the budget, or sure to pass it at the first block's rate: streamed, before the blocks fill memory.
            var projected = (double)chunk.Bytes * (texts.Count - start) / chunk.Length + (bytes - chunk.Bytes);
            if (bytes > budgetBytes || (start == 0 && projected > 2.0 * budgetBytes)) return new FeatureCache(texts, featurizer, perWord);
            built.Add(chunk);
        }
        return new FeatureCache(built, texts.Count);
    }

    static Chunk Featurize(IReadOnlyList<string> texts, int start, int length, ITextFeaturizer featurizer, bool perWord)
    {
        var batches = new List<SparseBatch>();
        var wordsPerText = new int[length];
        if (perWord)
            for (var t = 0; t < length; t++) { var words = featurizer.FeaturizeWords(texts[start + t]); batches.Add(words); wordsPerText[t] = words.Count; }
        else
        {
            var slice = new string[length];
            for (var t = 0; t < length; t++) { slice[t] = texts[start + t]; wordsPerText[t] = 1; }
            batches.Add(featurizer.Featurize(slice));
        }
        var nnz = batches.Sum(b => b.Ids.Length);
        var bags = batches.Sum(b => b.Count);
        var ids = new int[nnz]; var weights = new float[nnz]; var bagStart = new int[bags + 1]; var textFirstBag = new int[length + 1];
        int at = 0, bag = 0;
        foreach (var batch in batches)
        {
            for (var b = 0; b < batch.Count; b++) bagStart[bag + b] = at + (int)batch.Offsets[b];
            for (var i = 0; i < batch.Ids.Length; i++) ids[at + i] = checked((int)batch.Ids[i]);
            Array.Copy(batch.Weights, 0, weights, at, batch.Weights.Length);
            at += batch.Ids.Length; bag += batch.Count;
        }
        bagStart[bags] = nnz;
        for (var t = 0; t < length; t++) textFirstBag[t + 1] = textFirstBag[t] + wordsPerText[t];
        return new Chunk(ids, weights, bagStart, textFirstBag);
    }

    /// <summary>
    /// <paramref name="texts"/> featurized straight into a batch, nothing kept: for DSSM the featurizer's own bags (no
    /// copy — at a million texts the copies were most of the process's garbage), for CDSSM one bag per word.
    /// </summary>
    public static ModelBatch Batch(IReadOnlyList<string> texts, ITextFeaturizer featurizer, bool perWord)
    {
        if (!perWord) return new ModelBatch(featurizer.Featurize(texts), Enumerable.Repeat(1, texts.Count).ToArray());
        return new FeatureCache([Featurize(texts, 0, texts.Count, featurizer, perWord)], texts.Count).Gather(Enumerable.Range(0, texts.Count).ToArray());
    }

    /// <summary>The bags of <paramref name="texts"/>, in that order (repeats allowed).</summary>
    public ModelBatch Gather(ReadOnlySpan<int> texts)
    {
        if (chunks is null)
        {
            var chosen = new string[texts.Length];
            for (var k = 0; k < texts.Length; k++) chosen[k] = this.texts![texts[k]];
            return Batch(chosen, featurizer!, perWord);
        }
        int bags = 0, nnz = 0;
        foreach (var t in texts)
        {
            var c = chunks[t / Block]; var local = t % Block;
            bags += c.TextFirstBag[local + 1] - c.TextFirstBag[local];
            nnz += c.BagStart[c.TextFirstBag[local + 1]] - c.BagStart[c.TextFirstBag[local]];
        }
        var outIds = new long[nnz]; var outWeights = new float[nnz]; var offsets = new long[bags]; var words = new int[texts.Length];
        int bag = 0, at = 0;
        for (var k = 0; k < texts.Length; k++)
        {
            var c = chunks[texts[k] / Block]; var local = texts[k] % Block;
            words[k] = c.TextFirstBag[local + 1] - c.TextFirstBag[local];
            for (var b = c.TextFirstBag[local]; b < c.TextFirstBag[local + 1]; b++)
            {
                offsets[bag++] = at;
                var from = c.BagStart[b]; var len = c.BagStart[b + 1] - from;
                for (var i = 0; i < len; i++) outIds[at + i] = c.Ids[from + i];
                Array.Copy(c.Weights, from, outWeights, at, len);
                at += len;
            }
        }
        return new ModelBatch(new SparseBatch(outIds, offsets, outWeights, bags), words);
    }
}

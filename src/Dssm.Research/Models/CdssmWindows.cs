using Dssm.Research.Text;

namespace Dssm.Research.Models;

/// <summary>The bags of a CDSSM batch (<see cref="CdssmTower"/>): one per window position, whose sum is that position's
/// convolution, and which positions each text max-pools over.</summary>
internal static class CdssmWindows
{
    /// <summary>
    /// Windows: bag t of a text holds, for each offset k = 0..window−1, the ids of word t + k − window/2 as rows
    /// window·id + k of W_c viewed as (V·window, C) (<see cref="HashedInputLayer.Pieces"/>), with that word's weights; a word
    /// outside the text adds nothing (the zero padding). One EmbeddingBag over these bags is W_c·l_t, the convolution of
    /// each word window (Shen et al. 2014). A text with no words gets one position with an empty bag.
    /// PoolIndex (B·longest): position rows per text, padded with the floor row (row P).
    /// </summary>
    public static (SparseBatch Windows, long[] PoolIndex, int Longest) Bags(ModelBatch batch, int window)
    {
        var (words, wordsPerText) = (batch.Bags, batch.WordsPerText);
        var half = window / 2;
        var positions = wordsPerText.Sum(n => Math.Max(n, 1));
        var longest = Math.Max(1, wordsPerText.DefaultIfEmpty(1).Max());
        var poolIndex = new long[wordsPerText.Length * longest];
        var totalWords = wordsPerText.Sum();
        if (totalWords != words.Count) throw new ArgumentException($"CDSSM batch has {words.Count} word bags but WordsPerText sums to {totalWords}");
        long Start(int word) => word < words.Count ? words.Offsets[word] : words.Ids.Length;

        var nonZeros = 0L;
        for (int b = 0, first = 0; b < wordsPerText.Length; first += wordsPerText[b++])
            for (var t = 0; t < wordsPerText[b]; t++)
                for (var k = 0; k < window; k++)
                {
                    var w = t + k - half;
                    if (w >= 0 && w < wordsPerText[b]) nonZeros += Start(first + w + 1) - Start(first + w);
                }
        var ids = new long[nonZeros]; var weights = new float[nonZeros]; var offsets = new long[positions];
        int position = 0, at = 0, firstWord = 0;
        for (var b = 0; b < wordsPerText.Length; b++)
        {
            var n = wordsPerText[b];
            for (var t = 0; t < Math.Max(n, 1); t++, position++)
            {
                offsets[position] = at;
                for (var k = 0; k < window; k++)
                {
                    var w = t + k - half;
                    if (w < 0 || w >= n) continue;
                    for (var i = Start(firstWord + w); i < Start(firstWord + w + 1); i++, at++)
                    {
                        ids[at] = words.Ids[i] * window + k;
                        weights[at] = words.Weights[i];
                    }
                }
                poolIndex[b * longest + t] = position;
            }
            for (var t = Math.Max(n, 1); t < longest; t++) poolIndex[b * longest + t] = positions;
            firstWord += n;
        }
        return (new SparseBatch(ids, offsets, weights, positions), poolIndex, longest);
    }
}

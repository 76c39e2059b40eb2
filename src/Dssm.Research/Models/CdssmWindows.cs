namespace Dssm.Research.Models;

/// <summary>The gather indices of a CDSSM batch (<see cref="CdssmTower"/>): which rows of E make each word window, and
/// which window positions each text max-pools over.</summary>
internal static class CdssmWindows
{
    /// <summary>
    /// windowIndex (P·window): for word position t of a text and offset k, the row (word·window + k) of
    /// E to add, or the zero row (row words·window). poolIndex (B·longest): position rows per text, padded with the
    /// floor row (row P). A text with no words gets one position whose windows are all zero rows.
    /// </summary>
    public static (long[] WindowIndex, long[] PoolIndex, int Longest) Indices(int[] wordsPerText, int words, int window)
    {
        var half = window / 2;
        var zeroRow = (long)words * window;
        var positions = wordsPerText.Sum(n => Math.Max(n, 1));
        var longest = Math.Max(1, wordsPerText.DefaultIfEmpty(1).Max());
        var windowIndex = new long[positions * window];
        var poolIndex = new long[wordsPerText.Length * longest];
        long floorRow = positions;
        int position = 0, firstWord = 0;
        for (var b = 0; b < wordsPerText.Length; b++)
        {
            var n = wordsPerText[b];
            for (var t = 0; t < Math.Max(n, 1); t++, position++)
            {
                for (var k = 0; k < window; k++)
                {
                    var w = t + k - half;
                    windowIndex[position * window + k] = n > 0 && w >= 0 && w < n ? (long)(firstWord + w) * window + k : zeroRow;
                }
                poolIndex[b * longest + t] = position;
            }
            for (var t = Math.Max(n, 1); t < longest; t++) poolIndex[b * longest + t] = floorRow;
            firstWord += n;
        }
        if (firstWord != words) throw new ArgumentException($"CDSSM batch has {words} word bags but WordsPerText sums to {firstWord}");
        return (windowIndex, poolIndex, longest);
    }
}

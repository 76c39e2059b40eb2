using Dssm.Research.Models;
using Dssm.Research.Text;

namespace Dssm.Research.Tests.Models;

/// <summary>
/// The window bags of a CDSSM batch, by hand: three texts of 2, 0 and 3 words, windows of 3 words centred on each position
/// (half = 1). Word w's id i at window offset k is row 3·i + k of W_c viewed as (3V, C). Words: 0 = {7: 0.5},
/// 1 = {2: 1, 9: 2}, 2 = {4: 3}, 3 = {} (a word without n-grams), 4 = {5: 4}. Pool row 6 (= 6 positions: 2, 1 for the
/// empty text, 3) is the floor that loses every max.
/// </summary>
public sealed class CdssmWindowsTests
{
    static readonly SparseBatch Words = new([7, 2, 9, 4, 5], [0, 1, 3, 4, 4], [0.5f, 1, 2, 3, 4], 5);

    [Fact]
    public void Each_position_bags_its_neighbours_at_their_offsets_and_nothing_for_the_padding()
    {
        var (windows, pool, longest) = CdssmWindows.Bags(new ModelBatch(Words, [2, 0, 3]), window: 3);
        long[] expected =
        [
            22, 8, 29,    // text 0, position 0: (none), word 0 at offset 1 = 7·3+1, word 1 at offset 2 = 2·3+2, 9·3+2
            21, 7, 28,    // position 1: word 0 at 0 = 21, word 1 at 1 = 7, 28, (none)
                          // text 1, no words: one position, an empty bag
            13,           // text 2 (words 2–4), position 0: (none), word 2 at 1 = 4·3+1, word 3 at 2 = (no ids)
            12, 17,       // position 1: word 2 at 0 = 12, word 3 at 1 = (no ids), word 4 at 2 = 5·3+2
            16,           // position 2: word 3 at 0 = (no ids), word 4 at 1 = 16, (none)
        ];
        Assert.Equal(expected, windows.Ids);
        Assert.Equal([0L, 3, 6, 6, 7, 9], windows.Offsets);
        Assert.Equal([0.5f, 1, 2, 0.5f, 1, 2, 3, 3, 4, 4], windows.Weights);   // each id keeps its word's weight
        Assert.Equal(6, windows.Count);
        Assert.Equal(3, longest);
        Assert.Equal([0L, 1, 6, 2, 6, 6, 3, 4, 5], pool);   // each text's positions, padded to 3 with the floor row 6
    }

    [Fact]
    public void Bags_that_do_not_add_up_to_the_words_are_refused() =>
        Assert.Contains("5 word bags but WordsPerText sums to 4",
            Assert.Throws<ArgumentException>(() => CdssmWindows.Bags(new ModelBatch(Words, [2, 0, 2]), window: 3)).Message);
}

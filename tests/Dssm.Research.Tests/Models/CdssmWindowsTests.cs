using Dssm.Research.Models;

namespace Dssm.Research.Tests.Models;

/// <summary>
/// The gather indices of a CDSSM batch, by hand: three texts of 2, 0 and 3 words (5 word bags), windows of 3 words
/// centred on each position (half = 1). Row (word·3 + k) of E is word's contribution at window offset k; row 15
/// (= 5 words · 3) is the zero row; pool row 6 (= 6 positions: 2, 1 for the empty text, 3) is the floor that loses
/// every max.
/// </summary>
public sealed class CdssmWindowsTests
{
    [Fact]
    public void Each_position_gathers_its_neighbours_at_their_offsets_and_pads_with_the_zero_row()
    {
        var (windows, pool, longest) = CdssmWindows.Indices([2, 0, 3], words: 5, window: 3);
        long[] expected =
        [
            15, 1, 5,     // text 0, position 0: (none), word 0 at offset 1 = 0·3+1, word 1 at offset 2 = 1·3+2
            0, 4, 15,     // text 0, position 1: word 0 at 0, word 1 at 1 = 4, (none)
            15, 15, 15,   // text 1, no words: one position of zero rows
            15, 7, 11,    // text 2 (words 2–4), position 0: (none), word 2 at 1 = 7, word 3 at 2 = 11
            6, 10, 14,    // position 1: word 2 at 0 = 6, word 3 at 1 = 10, word 4 at 2 = 14
            9, 13, 15,    // position 2: word 3 at 0 = 9, word 4 at 1 = 13, (none)
        ];
        Assert.Equal(expected, windows);
        Assert.Equal(3, longest);
        Assert.Equal([0L, 1, 6, 2, 6, 6, 3, 4, 5], pool);   // each text's positions, padded to 3 with the floor row 6
    }

    [Fact]
    public void Bags_that_do_not_add_up_to_the_words_are_refused() =>
        Assert.Contains("4 word bags but WordsPerText sums to 5",
            Assert.Throws<ArgumentException>(() => CdssmWindows.Indices([2, 0, 3], words: 4, window: 3)).Message);
}

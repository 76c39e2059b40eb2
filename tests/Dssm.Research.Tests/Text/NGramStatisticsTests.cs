using Dssm.Research.Text;

namespace Dssm.Research.Tests.Text;

/// <summary>The paper's Table 1 statistics on a word list small enough to check by hand.</summary>
public class NGramStatisticsTests
{
    // good; aaba/abaa (same bigrams: #a aa ab ba a#); ababba/abbaba (same bigrams and same trigrams:
    // #ab aba bab abb bba ba#). "Good" is "good" again after lower-casing; blanks are skipped.
    private static readonly string[] Words = ["good", "aaba", "abaa", "ababba", "abbaba", "Good", " ", ""];

    [Fact]
    public void Bigrams_hand_computed()
    {
        var s = NGramStatistics.Compute(Words, 2);
        Assert.Equal(5, s.Words);
        // #g go oo od d# | #a aa ab ba a# | bb
        Assert.Equal(11, s.Dimension);
        Assert.Equal(2, s.Collisions);
        Assert.Equal(2, s.CollisionGroups);
        Assert.Equal([["aaba", "abaa"], ["ababba", "abbaba"]], s.Examples.Select(g => g.ToArray()));
    }

    [Fact]
    public void Trigrams_hand_computed()
    {
        var s = NGramStatistics.Compute(Words, 3);
        Assert.Equal(5, s.Words);
        // #go goo ood od# | #aa aab aba ba# | #ab baa aa# | bab abb bba
        Assert.Equal(14, s.Dimension);
        Assert.Equal(1, s.Collisions);
        Assert.Equal([["ababba", "abbaba"]], s.Examples.Select(g => g.ToArray()));
    }

    [Fact]
    public void Three_words_with_one_bag_are_two_collisions_in_one_group()
    {
        // Bigram bags: aaba = abaa = {#a aa ab ba a#}; aaaba = abaaa = aabaa = {#a aa aa ab ba a#}.
        // A group of g words holds g − 1 collisions: 1 + 2 = 3 in two groups, the second the three words.
        var s = NGramStatistics.Compute(["aaba", "abaa", "aaaba", "abaaa", "aabaa"], 2);
        Assert.Equal(2, s.CollisionGroups);
        Assert.Equal(3, s.Collisions);
        Assert.Equal([["aaba", "abaa"], ["aaaba", "aabaa", "abaaa"]], s.Examples.Select(g => g.ToArray()));
    }

    [Fact]
    public void Table_has_bigrams_then_trigrams() =>
        Assert.Equal([2, 3], NGramStatistics.Table(Words).Select(s => s.N));
}

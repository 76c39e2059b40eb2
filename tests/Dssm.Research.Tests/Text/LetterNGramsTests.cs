using Dssm.Research.Text;

namespace Dssm.Research.Tests.Text;

/// <summary>Word hashing's worked examples (Huang et al. 2013, §3.2; the seed): <c>good</c> → <c>#go goo ood od#</c>.</summary>
public class LetterNGramsTests
{
    [Fact]
    public void Good_is_cut_into_the_papers_four_trigrams() =>
        Assert.Equal(["#go", "goo", "ood", "od#"], LetterNGrams.Of("good"));

    [Fact]
    public void Bigrams_and_fourgrams_of_good()
    {
        Assert.Equal(["#g", "go", "oo", "od", "d#"], LetterNGrams.Of("good", 2));
        Assert.Equal(["#goo", "good", "ood#"], LetterNGrams.Of("good", 4));
    }

    [Fact]
    public void A_word_of_L_letters_has_L_plus_3_minus_N_ngrams() =>
        Assert.Equal("semantic".Length + 3 - 3, LetterNGrams.Of("semantic").Count);

    [Fact]
    public void A_marked_word_shorter_than_N_is_one_ngram()
    {
        Assert.Equal(["#a#"], LetterNGrams.Of("a", 3));
        Assert.Equal(["#a#"], LetterNGrams.Of("a", 4));
        Assert.Equal(["#go#"], LetterNGrams.Of("go", 5));
    }

    [Fact]
    public void Repeated_ngrams_are_kept() =>
        Assert.Equal(["#aa", "aaa", "aaa", "aa#"], LetterNGrams.Of("aaaa"));

    [Fact]
    public void A_letter_outside_the_BMP_is_never_cut_in_half()
    {
        // U+1D49C MATHEMATICAL SCRIPT CAPITAL A is one letter but two UTF-16 code units.
        const string script = "\U0001D49C";
        Assert.Equal(["#" + script + "b", script + "b#"], LetterNGrams.Of(script + "b"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void N_outside_two_to_five_is_rejected(int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LetterNGrams.Of("good", n));
}

using Dssm.Research.Text;

namespace Dssm.Research.Tests.Text;

/// <summary>Word hashing's worked examples (Huang et al. 2013, §3.2; the seed): <c>good</c> → <c>#go goo ood od#</c>.</summary>
public class LetterNGramsTests
{
    [Fact]
    public void Good_IsCutIntoTheSeedsFourTrigrams() =>
        Assert.Equal(["#go", "goo", "ood", "od#"], LetterNGrams.Of("good"));

    [Fact]
    public void Bigrams_And_Fourgrams_OfGood()
    {
        Assert.Equal(["#g", "go", "oo", "od", "d#"], LetterNGrams.Of("good", 2));
        Assert.Equal(["#goo", "good", "ood#"], LetterNGrams.Of("good", 4));
    }

    [Fact]
    public void AWordOfLLetters_HasLPlus3MinusNGrams() =>
        Assert.Equal("semantic".Length + 3 - 3, LetterNGrams.Of("semantic").Count);

    [Fact]
    public void AMarkedWordShorterThanN_IsOneNGram()
    {
        Assert.Equal(["#a#"], LetterNGrams.Of("a", 3));
        Assert.Equal(["#a#"], LetterNGrams.Of("a", 4));
        Assert.Equal(["#go#"], LetterNGrams.Of("go", 5));
    }

    [Fact]
    public void RepeatedNGrams_AreKept() =>
        Assert.Equal(["#aa", "aaa", "aaa", "aa#"], LetterNGrams.Of("aaaa"));

    [Fact]
    public void ALetterOutsideTheBmp_IsNeverCutInHalf()
    {
        // U+1D49C MATHEMATICAL SCRIPT CAPITAL A is one letter but two UTF-16 code units.
        const string script = "\U0001D49C";
        Assert.Equal(["#" + script + "b", script + "b#"], LetterNGrams.Of(script + "b"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void NOutsideTwoToFive_IsRejected(int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LetterNGrams.Of("good", n));
}

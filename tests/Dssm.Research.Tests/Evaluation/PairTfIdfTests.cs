using Dssm.Research.Evaluation;

namespace Dssm.Research.Tests.Evaluation;

public class PairTfIdfTests
{
    [Fact]
    public void Character_ngrams_are_cut_inside_padded_words_as_scikit_learns_char_wb()
    {
        Assert.Equal([" h", "hi", "i ", " hi", "hi ", " y", "yo", "o ", " yo", "yo "], PairTfIdf.CharacterNGrams("Hi  yo", 2, 3));
        // " a " has 3 characters: its trigram is the word itself, counted once, and no longer n-gram follows.
        Assert.Equal([" ", "a", " ", " a", "a ", " a "], PairTfIdf.CharacterNGrams("a", 1, 4));
        // A Chinese sentence is one word: its characters and character bigrams, with the padding.
        Assert.Equal([" ", "北", "京", "市", " ", " 北", "北京", "京市", "市 "], PairTfIdf.CharacterNGrams("北京市", 1, 2));
    }

    [Fact]
    public void A_rows_score_is_the_tfidf_cosine_of_its_two_texts_with_idf_over_the_distinct_texts()
    {
        // Distinct texts "a b", "a c", "c d": N = 3, df(a) = df(c) = 2, df(b) = df(d) = 1;
        // idf = ln((1 + N)/(1 + df)) + 1. Row 1 shares a: cos = idf(a)² / (‖(a, b)‖·‖(a, c)‖). Row 2 shares nothing.
        double a = Math.Log(4.0 / 3) + 1, b = Math.Log(2) + 1;
        var expected = a * a / (Math.Sqrt(a * a + b * b) * Math.Sqrt(2 * a * a));
        var scores = PairTfIdf.Scores([("a b", "a c"), ("a b", "c d")], t => t.Split(' '));
        Assert.Equal(expected, scores[0], 12);
        Assert.Equal(0, scores[1]);
        // idf from other rows too: distinct texts "b", "b b", "a b", "a c": N = 4, df(a) = 2, df(b) = 3, df(c) = 1.
        double a4 = Math.Log(5.0 / 3) + 1, b4 = Math.Log(5.0 / 4) + 1, c4 = Math.Log(5.0 / 2) + 1;
        var other = PairTfIdf.Scores([("a b", "a c")], t => t.Split(' '), idfRows: [("b", "b b"), ("a b", "b")]);
        Assert.Equal(a4 * a4 / (Math.Sqrt(a4 * a4 + b4 * b4) * Math.Sqrt(a4 * a4 + c4 * c4)), other[0], 12);
    }
}

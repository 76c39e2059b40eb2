using Dssm.Research.Data;

namespace Dssm.Research.Training;

/// <summary>
/// The recipes behind <c>--recipe</c>. <see cref="TrainRecipe.Paper"/> is <c>new TrainOptions()</c>, so the
/// course reproduces Huang et al. 2013 one flag away from the default. <see cref="TrainRecipe.Default"/> is what
/// the dev splits of the man-page benchmark (English and Chinese) and of semantic-clicks chose, seeds 1–3:
/// in-batch negatives (every other row's positive, sentence-transformers' MultipleNegativesRankingLoss), one
/// tower for both sides, word unigrams beside the letter trigrams (exact-term evidence the trigrams blur; the
/// vocabulary capped so memory stays bounded on large corpora), no text twice in a batch, and inverse-cloze
/// pseudo-queries from the corpus mixed into the clicks when the clicks are fewer than the documents
/// (<see cref="PseudoQueryKind.Auto"/>). A recipe sets only what it is about: epochs, patience, seed, device and
/// threads stay as the caller had them.
/// </summary>
public static class TrainRecipes
{
    /// <summary>Word unigrams and trigrams kept in the default vocabulary: the most frequent this many (a 60k-document corpus has ~400k).</summary>
    public const int DefaultMaxFeatures = 300_000;

    /// <summary><paramref name="onto"/> with the recipe's fields set.</summary>
    public static TrainOptions Apply(TrainRecipe recipe, TrainOptions onto)
    {
        var paper = new TrainOptions();
        var options = onto with
        {
            Model = paper.Model,
            Gamma = paper.Gamma,
            LearnableGamma = paper.LearnableGamma,
            GammaMin = paper.GammaMin,
            GammaMax = paper.GammaMax,
            Negatives = paper.Negatives,
            Sampler = paper.Sampler,
            InBatch = paper.InBatch,
            NoDuplicates = paper.NoDuplicates,
            HardRatio = paper.HardRatio,
            PseudoQueries = paper.PseudoQueries,
            PseudoQueriesPerDocument = paper.PseudoQueriesPerDocument,
            BatchSize = paper.BatchSize,
            LearningRate = paper.LearningRate,
            Optimizer = paper.Optimizer,
            Loss = paper.Loss,
            Towers = paper.Towers,
            Hashing = onto.Hashing with { N = paper.Hashing.N, WordUnigrams = paper.Hashing.WordUnigrams, ChineseCharacters = paper.Hashing.ChineseCharacters, MaxFeatures = paper.Hashing.MaxFeatures, Mode = paper.Hashing.Mode },
        };
        return recipe switch
        {
            TrainRecipe.Default => options with
            {
                InBatch = true,
                Negatives = 0,
                NoDuplicates = true,
                Towers = options.Towers with { SharedTowers = true },
                Hashing = options.Hashing with { WordUnigrams = true, MaxFeatures = DefaultMaxFeatures },
                PseudoQueries = PseudoQueryKind.Auto,
                PseudoQueriesPerDocument = 3,
            },
            _ => options,
        };
    }

    /// <summary>The recipe on top of <c>new TrainOptions()</c>.</summary>
    public static TrainOptions Of(TrainRecipe recipe) => Apply(recipe, new TrainOptions());
}

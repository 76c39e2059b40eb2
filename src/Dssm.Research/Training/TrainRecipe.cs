namespace Dssm.Research.Training;

/// <summary>A named set of training options (<see cref="TrainRecipes"/>); <c>paper</c> or <c>default</c> on the command line (<c>--recipe</c>).</summary>
public enum TrainRecipe
{
    /// <summary>Huang et al. 2013 as written: J = 4 random negatives, γ = 10, separate towers, letter trigrams, batch 128 — the record's own defaults.</summary>
    Paper,
    /// <summary><c>dssm train</c>'s default, chosen on the dev splits of real data (see README, "Training recipes").</summary>
    Default,
}

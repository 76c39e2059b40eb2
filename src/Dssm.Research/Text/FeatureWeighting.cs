namespace Dssm.Research.Text;

/// <summary>The value of a feature in a text's bag — the per-sample weight <c>EmbeddingBag</c> receives.</summary>
public enum FeatureWeighting
{
    /// <summary>How often the feature occurs in the text: the paper's count vector (Huang et al. 2013, §3.2).</summary>
    Counts,
    /// <summary>1 for every feature present: robust to long documents repeating a word.</summary>
    Binary,
}

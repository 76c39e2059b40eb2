
namespace Dssm.Research.Text;

/// <summary>
/// What a model needs from the input layer: texts to sparse bags (DSSM) and a text to one bag per word
/// (CDSSM's word windows). <c>Text.WordHasher</c> is the implementation; tests may use others.
/// </summary>
public interface ITextFeaturizer
{
    /// <summary>Number of input features (n-gram vocabulary size or hash buckets), the rows of W1.</summary>
    int Dimension { get; }

    /// <summary>One bag per text, in order.</summary>
    SparseBatch Featurize(IReadOnlyList<string> texts);

    /// <summary>One bag per word of <paramref name="text"/>, in reading order.</summary>
    SparseBatch FeaturizeWords(string text);

    /// <summary>Writes what is needed to rebuild this featurizer (e.g. the n-gram vocabulary) into a run folder.</summary>
    void Save(string directory);
}

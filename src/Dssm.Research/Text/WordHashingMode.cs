namespace Dssm.Research.Text;

/// <summary>How <see cref="WordHasher"/> turns a letter n-gram into an input id.</summary>
public enum WordHashingMode
{
    /// <summary>
    /// The paper's word hashing layer: a fixed vocabulary of the n-grams seen in a training corpus
    /// (500K words → 30,621 letter trigrams, Huang et al. 2013, Table 1). Ids are sorted by frequency,
    /// id 0 is the unknown n-gram. Needs <see cref="WordHasher.Fit"/>; saved with the model.
    /// </summary>
    Vocabulary,
    /// <summary>
    /// The hashing trick: an n-gram's id is a stable hash modulo <see cref="WordHashingOptions.Buckets"/>.
    /// No fitting, no file, unseen n-grams still get an id; distinct n-grams may share a bucket.
    /// </summary>
    Hashing,
}

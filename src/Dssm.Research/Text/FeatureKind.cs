namespace Dssm.Research.Text;

/// <summary>What a feature of <see cref="WordHasher"/> is; each kind has its own id space in the vocabulary and its own hash seed.</summary>
internal enum FeatureKind : byte
{
    /// <summary>A letter n-gram with <c>#</c> word boundaries (Huang et al. 2013, §3.2).</summary>
    NGram,
    /// <summary>A whole word: a Chinese word always, an English word when <see cref="WordHashingOptions.WordUnigrams"/> is on.</summary>
    Word,
    /// <summary>A Han character of a Chinese word, when <see cref="WordHashingOptions.ChineseCharacters"/> is on.</summary>
    Character,
}

namespace Dssm.Research.Text;

/// <summary>
/// Turns a text into words, the units that <see cref="WordHasher"/> cuts into letter n-grams
/// (English) or keeps whole (Chinese). Huang et al. 2013, §3.2 hash the words of a query or document;
/// for Chinese the words come from a segmenter (jieba) instead of spaces.
/// Implementations normalise (NFKC, lower-case), drop punctuation and whitespace, and are
/// thread-safe: all per-call state lives in the <see cref="TokenBuffer"/>.
/// Empty or whitespace-only text yields no tokens.
/// </summary>
public interface ITokenizer
{
    /// <summary>The words of <paramref name="text"/>, in order (allocates one string per word).</summary>
    IReadOnlyList<string> Tokenize(string text);

    /// <summary>
    /// The fast path: clears <paramref name="tokens"/> and fills it with the words of
    /// <paramref name="text"/>, in order, without allocating per word.
    /// </summary>
    void Tokenize(ReadOnlySpan<char> text, TokenBuffer tokens);
}

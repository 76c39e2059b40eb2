namespace Dssm.Research.Text;

/// <summary>
/// Base of the kit's tokenizers: each implements only the non-allocating fast path; the string form
/// (one string per word) is written once here.
/// </summary>
public abstract class Tokenizer : ITokenizer
{
    /// <inheritdoc />
    public IReadOnlyList<string> Tokenize(string text)
    {
        var tokens = new TokenBuffer();
        Tokenize(text, tokens);
        return tokens.ToArray();
    }

    /// <inheritdoc />
    public abstract void Tokenize(ReadOnlySpan<char> text, TokenBuffer tokens);
}

namespace Dssm.Research.Text;

/// <summary>
/// A reusable list of tokens (words) that a tokenizer fills without allocating a string per token:
/// the tokens' characters live in one growing <c>char[]</c>, each token is a range of it. Keep one
/// buffer per thread and pass it to <see cref="ITokenizer.Tokenize(ReadOnlySpan{char}, TokenBuffer)"/>
/// again and again — this is the hot path of <see cref="WordHasher"/>.
/// </summary>
/// <example>
/// <code>
/// var tokens = new TokenBuffer();
/// new EnglishTokenizer().Tokenize("Good query!", tokens);   // tokens[0] = "good", tokens[1] = "query"
/// </code>
/// </example>
public sealed class TokenBuffer
{
    private char[] _chars = new char[256];
    private int _length;
    private (int Start, int Length)[] _tokens = new (int, int)[64];
    private int _count;

    // Scratch space for normalisation (NFKC, lower-casing); owned here so tokenizers stay stateless.
    internal char[] ScratchA = new char[256];
    internal char[] ScratchB = new char[256];

    /// <summary>Set by the built-in tokenizers when the normalised text was pure ASCII: no Han, no surrogates (a fast path for the hasher).</summary>
    internal bool Ascii;

    /// <summary>Number of tokens.</summary>
    public int Count => _count;

    /// <summary>Token <paramref name="index"/>, valid until the buffer is changed.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            var (start, length) = _tokens[index];
            return _chars.AsSpan(start, length);
        }
    }

    /// <summary>Removes all tokens; keeps the memory.</summary>
    public void Clear()
    {
        _length = 0;
        _count = 0;
        Ascii = false;
    }

    /// <summary>Appends a copy of <paramref name="token"/>. Empty tokens are ignored.</summary>
    public void Add(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty) return;
        if (_length + token.Length > _chars.Length)
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + token.Length));
        if (_count == _tokens.Length) Array.Resize(ref _tokens, _tokens.Length * 2);
        token.CopyTo(_chars.AsSpan(_length));
        _tokens[_count++] = (_length, token.Length);
        _length += token.Length;
    }

    /// <summary>The tokens as strings (allocates; for tests, notebooks and the slow path).</summary>
    public string[] ToArray()
    {
        var result = new string[_count];
        for (var i = 0; i < _count; i++) result[i] = this[i].ToString();
        return result;
    }

    internal static char[] Ensure(ref char[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new char[Math.Max(length, buffer.Length * 2)];
        return buffer;
    }
}

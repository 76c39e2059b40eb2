using System.Runtime.CompilerServices;

namespace Dssm.Research.Text;

/// <summary>
/// Appends texts to a growing <see cref="SparseBatch"/> with reused buffers: no allocation per text,
/// word or n-gram once the buffers have grown. Repeated features of a text are merged into one id with
/// their count as weight (or 1 for <see cref="FeatureWeighting.Binary"/>), in order of first occurrence.
/// One builder per thread (<see cref="WordHasher.CreateBuilder"/>); the hasher itself is shared.
/// </summary>
/// <example>
/// <code>
/// var builder = hasher.CreateBuilder();
/// foreach (var line in File.ReadLines(path)) builder.Append(line);   // one bag per line
/// SparseBatch batch = builder.Build();                               // ids, offsets, weights for EmbeddingBag
/// </code>
/// </example>
public sealed class SparseBatchBuilder
{
    private readonly WordHasher _hasher;
    private readonly bool _binary;
    private long[] _ids = new long[1024];
    private float[] _weights = new float[1024];
    private long[] _offsets = new long[64];
    private int _nonZeros;
    private int _count;
    private int _bagStart;
    // _slot[id] = 1 + position of id in the current bag, 0 if absent; reset at the end of every bag.
    private readonly int[] _slot;
    // Packed letter n-grams of the current text (fast path), see AppendAscii.
    private ulong[] _grams = new ulong[512];
    private char[] _stream = new char[512];
    private char[] _decoded = new char[512];

    internal readonly TokenBuffer Tokens = new();
    internal char[] Scratch = new char[64];
    internal int[] Starts = Array.Empty<int>();

    internal SparseBatchBuilder(WordHasher hasher)
    {
        _hasher = hasher;
        _binary = hasher.Options.Weighting == FeatureWeighting.Binary;
        _slot = new int[hasher.Dimension];
    }

    /// <summary>Bags appended so far.</summary>
    public int Count => _count;

    /// <summary>Non-zeros (distinct features per bag, summed) appended so far.</summary>
    public int NonZeros => _nonZeros;

    /// <summary>The ids so far, without copying; valid until the next append or <see cref="Clear"/>.</summary>
    public ReadOnlySpan<long> Ids => _ids.AsSpan(0, _nonZeros);

    /// <summary>The weights so far, without copying.</summary>
    public ReadOnlySpan<float> Weights => _weights.AsSpan(0, _nonZeros);

    /// <summary>The bag offsets so far, without copying.</summary>
    public ReadOnlySpan<long> Offsets => _offsets.AsSpan(0, _count);

    /// <summary>Appends one bag: the features of every word of <paramref name="text"/>. Empty text gives an empty bag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(ReadOnlySpan<char> text)
    {
        if (_hasher.PackedNGrams && System.Text.Ascii.IsValid(text))
        {
            AppendAscii(text);
            return;
        }
        _hasher.Tokenizer.Tokenize(text, Tokens);
        BeginBag();
        for (var i = 0; i < Tokens.Count; i++) _hasher.EmitWord(Tokens[i], Tokens.Ascii, this);
        EndBag();
    }

    /// <summary>
    /// Appends one bag for UTF-8 text — what a corpus reader holds before it makes strings. ASCII text
    /// is featurized straight from the bytes; other text is decoded into a reused buffer (invalid bytes
    /// become U+FFFD, a separator). Same bag as <see cref="Append"/> on the decoded string.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendUtf8(ReadOnlySpan<byte> utf8Text)
    {
        if (_hasher.PackedNGrams && System.Text.Ascii.IsValid(utf8Text))
        {
            AppendAscii(utf8Text);
            return;
        }
        var chars = TokenBuffer.Ensure(ref _decoded, System.Text.Encoding.UTF8.GetMaxCharCount(utf8Text.Length));
        var length = System.Text.Encoding.UTF8.GetChars(utf8Text, chars);
        Append(chars.AsSpan(0, length));
    }

    /// <summary>
    /// Appends one bag per word of <paramref name="text"/>, in order — the letter-trigram vector of each
    /// word that the convolutional model (CDSSM, Shen et al. 2014) slides its window over. Returns the
    /// number of bags appended (0 for empty text).
    /// </summary>
    public int AppendWords(ReadOnlySpan<char> text)
    {
        _hasher.Tokenizer.Tokenize(text, Tokens);
        for (var i = 0; i < Tokens.Count; i++)
        {
            BeginBag();
            _hasher.EmitWord(Tokens[i], Tokens.Ascii, this);
            EndBag();
        }
        return Tokens.Count;
    }

    /// <summary>Copies what was appended into a <see cref="SparseBatch"/>; the builder keeps its content.</summary>
    public SparseBatch Build() =>
        new(_ids.AsSpan(0, _nonZeros).ToArray(), _offsets.AsSpan(0, _count).ToArray(), _weights.AsSpan(0, _nonZeros).ToArray(), _count);

    /// <summary>Forgets all bags; keeps the buffers.</summary>
    public void Clear()
    {
        _nonZeros = 0;
        _count = 0;
        _bagStart = 0;
    }

    /// <summary>
    /// The fast path for ASCII text with n ≤ 3 (every built-in tokenizer treats ASCII text as English
    /// words). Loops without data-dependent branches, because with ~60 words per text the word boundaries
    /// would mispredict: (1) each character is mapped to its lower-case form or to <c>#</c>, and runs of
    /// separators collapse into one <c>#</c>, giving the marked stream <c>#word#word#</c>; (2) every window
    /// of n characters of the stream that does not straddle a boundary (for trigrams: whose middle is not
    /// <c>#</c>) is a letter n-gram, packed into 64 bits as <see cref="StableHash"/> packs it; (3) each
    /// packed n-gram becomes an id (a hash, or a vocabulary look-up) merged into the bag. Gives exactly
    /// the bag of the general path (the tests compare them).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendAscii<TChar>(ReadOnlySpan<TChar> text)
        where TChar : unmanaged, System.Numerics.IBinaryInteger<TChar>
    {
        if (_stream.Length < text.Length + 2) _stream = new char[Math.Max(text.Length + 2, 2 * _stream.Length)];
        if (_grams.Length < text.Length + 2) _grams = new ulong[Math.Max(text.Length + 2, 2 * _grams.Length)];

        // (1) The marked stream: '#', then each word followed by one '#'.
        var stream = _stream.AsSpan(0, text.Length + 2);
        var map = AsciiLowerOrMark;
        stream[0] = '#';
        var length = 1;
        var previousIsWord = 0;
        foreach (var ch in text)
        {
            uint c = map[(int)(uint.CreateTruncating(ch) & 0x7F)];
            var isWord = 1 - (int)((c - ('#' + 1u)) >> 31);   // c != '#', without a branch
            stream[length] = (char)c;
            length += isWord | previousIsWord;                // a '#' is kept only right after a word
            previousIsWord = isWord;
        }
        stream[length] = '#';
        length += previousIsWord;

        // (2) Packed n-grams.
        var grams = _grams.AsSpan(0, length);             // at most length − 1 n-grams; length ≤ text.Length + 2 = the buffer's least size
        var count = 0;
        if (_hasher.Options.N == 2)
            for (var k = 1; k < length; k++)
                grams[count++] = ((ulong)stream[k - 1] << 16) | stream[k];
        else
            for (var k = 2; k < length; k++)
            {
                uint middle = stream[k - 1];
                grams[count] = ((ulong)stream[k - 2] << 32) | ((ulong)middle << 16) | stream[k];
                count += 1 - (int)((middle - ('#' + 1u)) >> 31);
            }

        // (3) Ids, merged into the bag.
        BeginBag();
        if (_nonZeros + count > _ids.Length) Grow(_nonZeros + count);
        if (_hasher.IsHashing) AddHashed(grams[..count], _hasher.PackedSeed, _hasher.Dimension);
        else
            foreach (var gram in grams[..count])
            {
                var id = _hasher.LookUpPacked(gram);
                if (id >= 0) Add(id);
            }
        EndBag();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddHashed(ReadOnlySpan<ulong> grams, ulong seed, int buckets)
    {
        var ids = _ids;
        var weights = _weights;
        var slot = _slot;
        var nonZeros = _nonZeros;
        var keep = _binary ? 0f : 1f;
        foreach (var gram in grams)
        {
            var id = StableHash.Bucket(StableHash.Step(seed, gram), buckets);
            // Branch-free: about a third of a text's n-grams repeat one already in the bag, at random,
            // which a branch would mispredict. Write the id tentatively at the end, then add 1 at the id's
            // first position (the end if it is new) and advance the end only if it is new.
            var position = slot[id];
            var isNew = (int)((uint)(position - 1) >> 31);    // position == 0
            ids[nonZeros] = id;
            weights[nonZeros] = 0f;
            var target = position - 1 + ((nonZeros - position + 1) & -isNew);
            weights[target] = weights[target] * keep + 1f;
            nonZeros += isNew;
            slot[id] = position + (nonZeros & -isNew);
        }
        _nonZeros = nonZeros;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BeginBag()
    {
        if (_count == _offsets.Length) Array.Resize(ref _offsets, _offsets.Length * 2);
        _offsets[_count] = _nonZeros;
        _bagStart = _nonZeros;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EndBag()
    {
        var slot = _slot;
        var ids = _ids;
        for (var k = _bagStart; k < _nonZeros; k++) slot[ids[k]] = 0;
        _count++;
    }

    /// <summary>Adds one occurrence of feature <paramref name="id"/> to the current bag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Add(int id)
    {
        var position = _slot[id];
        if (position != 0)
        {
            if (!_binary) _weights[position - 1] += 1f;
            return;
        }
        if (_nonZeros == _ids.Length) Grow();
        _ids[_nonZeros] = id;
        _weights[_nonZeros] = 1f;
        _slot[id] = ++_nonZeros;
    }

    private void Grow(int atLeast = 0)
    {
        var size = Math.Max(_ids.Length * 2, atLeast);
        Array.Resize(ref _ids, size);
        Array.Resize(ref _weights, size);
    }

    /// <summary>Memory held in buffers, to decide whether a pooled builder is worth keeping.</summary>
    internal long RetainedBytes => _ids.LongLength * 12 + _offsets.LongLength * 8 + _grams.LongLength * 8 + _stream.LongLength * 2 + _decoded.LongLength * 2;

    // ASCII character → its lower-case form if it is a letter or digit, else '#'.
    private static ReadOnlySpan<byte> AsciiLowerOrMark => LowerOrMarkTable;

    private static readonly byte[] LowerOrMarkTable = BuildLowerOrMark();

    private static byte[] BuildLowerOrMark()
    {
        var table = new byte[128];
        for (var c = 0; c < 128; c++)
            table[c] = char.IsAsciiLetterOrDigit((char)c) ? (byte)char.ToLowerInvariant((char)c) : (byte)'#';
        return table;
    }
}

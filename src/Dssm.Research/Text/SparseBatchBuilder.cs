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
    /// words). Two loops without data-dependent branches, because at ~60 words per text the word
    /// boundaries would mispredict: (1) one pass over the characters lower-cases them, recognises word
    /// characters and keeps a rolling window of the last n characters of the marked words
    /// <c>#word#</c>, writing every complete window (a packed n-gram, <see cref="StableHash"/>)
    /// to a buffer; (2) each packed n-gram is turned into an id (a hash, or a vocabulary look-up) and
    /// merged into the bag. Gives exactly the bag of the general path (the tests compare them).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendAscii(ReadOnlySpan<char> text)
    {
        if (_grams.Length < text.Length + 1) _grams = new ulong[Math.Max(text.Length + 1, 2 * _grams.Length)];
        var grams = _grams;
        var n = _hasher.Options.N;
        var mask = (1UL << (16 * n)) - 1;
        var map = AsciiLowerWord;
        var count = 0;
        var window = 0UL;
        var length = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            uint c = map[ch & 0x7F];
            var isWord = c != 0;
            var start = isWord & !inWord;
            var active = isWord | inWord;
            var pushed = isWord ? c : '#';
            var previous = start ? '#' : window;
            window = active ? (previous << 16) | pushed : window;
            length = start ? 2 : length + (active ? 1 : 0);
            grams[count] = window & mask;
            count += active & length >= n ? 1 : 0;
            inWord = isWord;
        }
        if (inWord) grams[count++] = ((window << 16) | '#') & mask;

        BeginBag();
        if (_nonZeros + count > _ids.Length) Grow(_nonZeros + count);
        if (_hasher.IsHashing) AddHashed(grams.AsSpan(0, count), _hasher.PackedSeed, _hasher.Dimension);
        else
            foreach (var gram in grams.AsSpan(0, count))
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
        var binary = _binary;
        foreach (var gram in grams)
        {
            var id = StableHash.Bucket(StableHash.Step(seed, gram), buckets);
            // Branch-free: about a third of a text's n-grams repeat one already in the bag, at random,
            // which a branch would mispredict. Write the id tentatively, then count it at its first position.
            var position = slot[id];
            var isNew = position == 0;
            ids[nonZeros] = id;
            weights[nonZeros] = 0f;
            var target = isNew ? nonZeros : position - 1;
            weights[target] = binary ? 1f : weights[target] + 1f;
            nonZeros += isNew ? 1 : 0;
            slot[id] = isNew ? nonZeros : position;
        }
        _nonZeros = nonZeros;
    }

    private void BeginBag()
    {
        if (_count == _offsets.Length) Array.Resize(ref _offsets, _offsets.Length * 2);
        _offsets[_count] = _nonZeros;
        _bagStart = _nonZeros;
    }

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
    internal long RetainedBytes => _ids.LongLength * 12 + _offsets.LongLength * 8 + _grams.LongLength * 8;

    // ASCII character → its lower-case form if it is a letter or digit, else 0.
    private static ReadOnlySpan<byte> AsciiLowerWord =>
    [
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, (byte)'0',(byte)'1',(byte)'2',(byte)'3',(byte)'4',(byte)'5',(byte)'6',(byte)'7',(byte)'8',(byte)'9',0,0,0,0,0,0,
        0,(byte)'a',(byte)'b',(byte)'c',(byte)'d',(byte)'e',(byte)'f',(byte)'g',(byte)'h',(byte)'i',(byte)'j',(byte)'k',(byte)'l',(byte)'m',(byte)'n',(byte)'o',
        (byte)'p',(byte)'q',(byte)'r',(byte)'s',(byte)'t',(byte)'u',(byte)'v',(byte)'w',(byte)'x',(byte)'y',(byte)'z',0,0,0,0,0,
        0,(byte)'a',(byte)'b',(byte)'c',(byte)'d',(byte)'e',(byte)'f',(byte)'g',(byte)'h',(byte)'i',(byte)'j',(byte)'k',(byte)'l',(byte)'m',(byte)'n',(byte)'o',
        (byte)'p',(byte)'q',(byte)'r',(byte)'s',(byte)'t',(byte)'u',(byte)'v',(byte)'w',(byte)'x',(byte)'y',(byte)'z',0,0,0,0,0,
    ];
}

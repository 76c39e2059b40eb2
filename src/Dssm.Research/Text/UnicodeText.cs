using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Dssm.Research.Text;

/// <summary>
/// The character rules every tokenizer shares, so that "a word" means the same thing everywhere:
/// NFKC (full-width Ｈｅｌｌｏ → Hello, ligature ﬁ → fi), then invariant lower-casing; a word is a run of
/// letters and numbers, continued by combining marks (so Indic vowel signs and decomposed accents stay
/// inside their word); everything else — punctuation, whitespace, symbols, emoji — separates words.
/// Lone surrogates (invalid UTF-16) become U+FFFD, a separator, so no string can make normalisation throw.
/// </summary>
internal static class UnicodeText
{
    /// <summary>
    /// NFKC + lower-case of <paramref name="text"/> into the buffer's scratch space.
    /// <paramref name="ascii"/> says the result is pure ASCII (the fast path for English).
    /// </summary>
    public static ReadOnlySpan<char> NormalizeLower(ReadOnlySpan<char> text, TokenBuffer buffer, out bool ascii)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            ascii = true;
            buffer.Ascii = true;
            var lower = TokenBuffer.Ensure(ref buffer.ScratchA, text.Length);
            System.Text.Ascii.ToLower(text, lower, out var written);
            return lower.AsSpan(0, written);
        }
        ascii = false;

        // 0 = caller's text, 1 = ScratchA, 2 = ScratchB
        var where = 0;
        var source = text;
        var firstSurrogate = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (firstSurrogate >= 0 && !IsValidUtf16(text[firstSurrogate..]))
        {
            var repaired = TokenBuffer.Ensure(ref buffer.ScratchB, text.Length);
            RepairSurrogates(text, repaired);
            source = repaired.AsSpan(0, text.Length);
            where = 2;
        }

        if (!source.IsNormalized(NormalizationForm.FormKC))
        {
            var target = where == 2 ? TokenBuffer.Ensure(ref buffer.ScratchA, 2 * source.Length + 16) : TokenBuffer.Ensure(ref buffer.ScratchB, 2 * source.Length + 16);
            if (!source.TryNormalize(target, out var length, NormalizationForm.FormKC))
            {
                length = source.GetNormalizedLength(NormalizationForm.FormKC);
                target = where == 2 ? TokenBuffer.Ensure(ref buffer.ScratchA, length) : TokenBuffer.Ensure(ref buffer.ScratchB, length);
                source.TryNormalize(target, out length, NormalizationForm.FormKC);
            }
            source = target.AsSpan(0, length);
            where = where == 2 ? 1 : 2;
        }

        var output = where == 1 ? TokenBuffer.Ensure(ref buffer.ScratchB, source.Length) : TokenBuffer.Ensure(ref buffer.ScratchA, source.Length);
        var lowered = source.ToLowerInvariant(output);
        return output.AsSpan(0, lowered);
    }

    /// <summary>A character that starts or continues a word: a letter or a number (Unicode L*, Nd, Nl, No).</summary>
    public static bool StartsWord(Rune rune)
    {
        if (rune.IsAscii) return AsciiWord[rune.Value] != 0;
        var category = Rune.GetUnicodeCategory(rune);
        return category <= UnicodeCategory.OtherLetter || category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    /// <summary>An ASCII letter or digit (for text already known to be ASCII).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiWordChar(char c) => AsciiWord[c & 0x7F] != 0;

    /// <summary>A combining mark (Mn, Mc) that continues a word; variation selectors are not (they follow emoji).</summary>
    public static bool ContinuesWord(Rune rune)
    {
        if (StartsWord(rune)) return true;
        if (rune.IsAscii) return false;
        var v = rune.Value;
        if (v is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF) return false;
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>
    /// A CJK unified ideograph (Han character): URO, extensions A–H, compatibility ideographs, and 〇.
    /// These are the characters jieba segments and that <see cref="WordHasher"/> keeps as whole words.
    /// </summary>
    public static bool IsHan(int codePoint) =>
        codePoint is >= 0x4E00 and <= 0x9FFF
            or >= 0x3400 and <= 0x4DBF
            or >= 0xF900 and <= 0xFAFF
            or >= 0x20000 and <= 0x323AF
            or 0x3007;

    /// <summary>Whether <paramref name="word"/> holds at least one Han character.</summary>
    public static bool ContainsHan(ReadOnlySpan<char> word)
    {
        // Everything below U+2E80 (CJK radicals) is certainly not Han: a vectorised early out for Latin text.
        var i = word.IndexOfAnyInRange('\u2E80', '\uFFFF');
        if (i < 0) return false;
        for (; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsHighSurrogate(c) && i + 1 < word.Length && char.IsLowSurrogate(word[i + 1]))
            {
                if (IsHan(char.ConvertToUtf32(c, word[i + 1]))) return true;
                i++;
            }
            else if (IsHan(c)) return true;
        }
        return false;
    }

    /// <summary>Calls <see cref="TokenBuffer.Add"/> for every word (maximal run of word characters) of normalised text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddWords(ReadOnlySpan<char> text, bool ascii, TokenBuffer tokens)
    {
        if (ascii)
        {
            var table = AsciiWord;
            var i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && table[text[i]] == 0) i++;
                var start = i;
                while (i < text.Length && table[text[i]] != 0) i++;
                if (i > start) tokens.Add(text[start..i]);
            }
            return;
        }
        var scanner = new WordScanner(text);
        while (scanner.MoveNext(out var begin, out var length)) tokens.Add(text.Slice(begin, length));
    }

    private static bool IsValidUtf16(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }

    private static void RepairSurrogates(ReadOnlySpan<char> text, Span<char> destination)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                destination[i] = c;
                destination[i + 1] = text[i + 1];
                i++;
            }
            else destination[i] = char.IsSurrogate(c) ? '\uFFFD' : c;
        }
    }

    // 1 for ASCII letters and digits.
    private static ReadOnlySpan<byte> AsciiWord =>
    [
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,
        0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,
        0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,
    ];

    /// <summary>Walks the words of any normalised text by Unicode scalar (rune).</summary>
    internal ref struct WordScanner(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _position;

        public bool MoveNext(out int start, out int length)
        {
            var text = _text;
            var i = _position;
            // Skip to a character that starts a word.
            while (i < text.Length)
            {
                Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed);
                if (StartsWord(rune)) break;
                i += consumed;
            }
            start = i;
            while (i < text.Length)
            {
                Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed);
                if (!ContinuesWord(rune)) break;
                i += consumed;
            }
            _position = i;
            length = i - start;
            return length > 0;
        }
    }

    /// <summary>
    /// The first step of every Chinese-aware tokenizer: normalizes <paramref name="text"/> (<see cref="NormalizeLower"/>)
    /// and, when it has no Han character, adds its words the English way and returns true — there is nothing to
    /// segment. Otherwise returns false with the normalized text for the caller to segment.
    /// </summary>
    public static bool AddWordsUnlessHan(ReadOnlySpan<char> text, TokenBuffer tokens, out ReadOnlySpan<char> normalized)
    {
        tokens.Clear();
        normalized = NormalizeLower(text, tokens, out var ascii);
        if (!ascii && ContainsHan(normalized)) return false;
        AddWords(normalized, ascii, tokens);
        return true;
    }

    /// <summary>Walks the words of normalised text (<see cref="WordScanner"/>) and splits each into maximal runs of
    /// Han characters and of everything else: <c>深度学习dssm</c> is one word of two runs, 深度学习 and dssm.</summary>
    internal ref struct HanRuns(ReadOnlySpan<char> text)
    {
        private WordScanner _words = new(text);
        private readonly ReadOnlySpan<char> _text = text;
        private ReadOnlySpan<char> _word;
        private int _position;

        public bool MoveNext(out ReadOnlySpan<char> run, out bool han)
        {
            while (_position >= _word.Length)
            {
                if (!_words.MoveNext(out var start, out var length)) { run = default; han = false; return false; }
                _word = _text.Slice(start, length);
                _position = 0;
            }
            var runStart = _position;
            Rune.DecodeFromUtf16(_word[_position..], out var rune, out var consumed);
            han = IsHan(rune.Value);
            while (_position < _word.Length)
            {
                Rune.DecodeFromUtf16(_word[_position..], out rune, out consumed);
                if (IsHan(rune.Value) != han) break;
                _position += consumed;
            }
            run = _word[runStart.._position];
            return true;
        }
    }
}

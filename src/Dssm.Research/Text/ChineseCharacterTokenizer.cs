using System.Text;

namespace Dssm.Research.Text;

/// <summary>
/// The character-level alternative to <see cref="ChineseTokenizer"/>: every Han character is a word of
/// its own; other runs are English words (<see cref="EnglishTokenizer"/> rules). No dictionary, no
/// segmentation errors, and a small closed vocabulary (a few thousand characters cover most text) — at
/// the price of losing word boundaries. Stateless and thread-safe.
/// </summary>
/// <example><c>"深度学习DSSM"</c> → <c>深, 度, 学, 习, dssm</c>.</example>
public sealed class ChineseCharacterTokenizer : HanRunTokenizer
{
    /// <summary>One token per character.</summary>
    protected override void AddHan(ReadOnlySpan<char> run, TokenBuffer tokens)
    {
        for (var i = 0; i < run.Length;)
        {
            Rune.DecodeFromUtf16(run[i..], out _, out var consumed);
            tokens.Add(run.Slice(i, consumed));
            i += consumed;
        }
    }
}

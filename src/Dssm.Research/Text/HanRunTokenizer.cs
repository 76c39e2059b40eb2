namespace Dssm.Research.Text;

/// <summary>
/// What the character-level and the mixed tokenizer share: text without Han characters is split into English words;
/// otherwise each word is cut into maximal runs of Han characters and of everything else, the other runs are
/// English words and each Han run goes to <see cref="AddHan"/> (one token per character, or jieba's words).
/// </summary>
public abstract class HanRunTokenizer : Tokenizer
{
    /// <inheritdoc />
    public sealed override void Tokenize(ReadOnlySpan<char> text, TokenBuffer tokens)
    {
        if (UnicodeText.AddWordsUnlessHan(text, tokens, out var normalized)) return;
        var runs = new UnicodeText.HanRuns(normalized);
        while (runs.MoveNext(out var run, out var han))
        {
            if (han) AddHan(run, tokens);
            else tokens.Add(run);
        }
    }

    /// <summary>Adds the tokens of one run of Han characters.</summary>
    protected abstract void AddHan(ReadOnlySpan<char> run, TokenBuffer tokens);
}

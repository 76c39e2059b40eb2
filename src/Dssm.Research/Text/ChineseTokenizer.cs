namespace Dssm.Research.Text;

/// <summary>
/// Chinese words by jieba.NET (precise mode, HMM for unknown words — jieba's default <c>cut</c>): letter n-grams make
/// little sense for Chinese, so the text is segmented into words and the model reads the bag of words.
/// The text is NFKC-normalised and lower-cased first (full-width Ｈｅｌｌｏ → hello, ，→ ,); jieba's pieces
/// are then split like <see cref="EnglishTokenizer"/> words, so punctuation and spaces vanish and a
/// Latin piece such as <c>3.5</c> becomes <c>3</c>, <c>5</c>.
/// </summary>
/// <remarks>
/// jieba's dictionary loads at the first Chinese text (a few seconds, once per process; see
/// <see cref="JiebaResources"/>). Custom dictionaries (<see cref="LoadUserDictionary"/>,
/// <see cref="AddWord"/>) change jieba's process-wide dictionary: every Chinese and mixed tokenizer sees
/// them. Thread-safe.
/// </remarks>
/// <example><c>"我来到北京清华大学"</c> → <c>我, 来到, 北京, 清华大学</c>.</example>
public sealed class ChineseTokenizer : Tokenizer
{
    /// <inheritdoc />
    public override void Tokenize(ReadOnlySpan<char> text, TokenBuffer tokens)
    {
        if (UnicodeText.AddWordsUnlessHan(text, tokens, out var normalized)) return;   // nothing for jieba: skip the string and the dictionary
        foreach (var piece in JiebaHost.Cut(normalized.ToString()))
            UnicodeText.AddWords(piece, System.Text.Ascii.IsValid(piece), tokens);
    }

    /// <summary>
    /// Loads a jieba user dictionary: one word a line, optionally followed by a frequency and a
    /// part-of-speech tag, separated by spaces (jieba's <c>load_userdict</c> format).
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static void LoadUserDictionary(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"jieba user dictionary '{path}' not found.", path);
        JiebaHost.LoadUserDictionary(Path.GetFullPath(path));
    }

    /// <summary>Adds one word to jieba's dictionary; <paramref name="frequency"/> 0 lets jieba choose one that keeps the word together.</summary>
    public static void AddWord(string word, int frequency = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(word);
        JiebaHost.AddWord(word, frequency);
    }
}

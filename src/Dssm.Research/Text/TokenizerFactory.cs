namespace Dssm.Research.Text;

/// <summary>Creates a tokenizer from its <see cref="TokenizerKind"/> or its name in a config or on the command line.</summary>
public static class TokenizerFactory
{
    /// <summary>The names <see cref="Parse"/> accepts, in <see cref="TokenizerKind"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["english", "chinese", "chinese-chars", "mixed"];

    /// <summary>A tokenizer of the given kind. Cheap: jieba's dictionary is loaded at the first Chinese text.</summary>
    public static ITokenizer Create(TokenizerKind kind) => kind switch
    {
        TokenizerKind.English => new EnglishTokenizer(),
        TokenizerKind.Chinese => new ChineseTokenizer(),
        TokenizerKind.ChineseChars => new ChineseCharacterTokenizer(),
        TokenizerKind.Mixed => new MixedTokenizer(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown tokenizer kind."),
    };

    /// <summary>Reads <c>english | chinese | chinese-chars | mixed</c> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Any other name; the message lists the accepted ones.</exception>
    public static TokenizerKind Parse(string name)
    {
        var index = Names.ToList().FindIndex(n => string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index < 0)
            throw new ArgumentException($"Unknown tokenizer '{name}'; expected one of: {string.Join(", ", Names)}.", nameof(name));
        return (TokenizerKind)index;
    }

    /// <summary>The name of <paramref name="kind"/> as <see cref="Parse"/> reads it.</summary>
    public static string NameOf(TokenizerKind kind) => Names[(int)kind];
}

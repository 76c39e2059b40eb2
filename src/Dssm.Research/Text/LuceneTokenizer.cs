using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Dssm.Research.Text;

/// <summary>
/// A Lucene <see cref="Analyzer"/> as a kit <see cref="ITokenizer"/>: the terms Lucene would index for a text.
/// Unlike the kit's own tokenizers it does not NFKC-normalise: the terms are exactly Lucene's, so a BM25 row
/// matches what Lucene/Anserini compute from the same text.
/// </summary>
/// <remarks>
/// Thread-safe: a Lucene analyzer keeps its reusable token-stream components in a per-thread slot
/// (<c>Analyzer.storedValue</c> is a <c>DisposableThreadLocal</c>), so one analyzer serves any number of
/// threads, each with its own stream; a stream is consumed and closed before this method returns.
/// </remarks>
public sealed class LuceneTokenizer : Tokenizer
{
    const string Field = "text";
    readonly Analyzer analyzer;

    /// <summary>Wraps <paramref name="analyzer"/> (not disposed here: analyzers are meant to live as long as the process).</summary>
    public LuceneTokenizer(Analyzer analyzer) => this.analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));

    /// <inheritdoc />
    public override void Tokenize(ReadOnlySpan<char> text, TokenBuffer tokens)
    {
        tokens.Clear();
        Append(text.ToString(), tokens);
    }

    /// <summary>Adds the terms of <paramref name="text"/> to <paramref name="tokens"/> without clearing it.</summary>
    internal void Append(string text, TokenBuffer tokens)
    {
        using var stream = analyzer.GetTokenStream(Field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.Buffer.AsSpan(0, term.Length));
        stream.End();
    }
}

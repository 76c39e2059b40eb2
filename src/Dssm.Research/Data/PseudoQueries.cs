using System.Text;
using Dssm.Research.Text;

namespace Dssm.Research.Data;

/// <summary>
/// Pseudo-queries made from a corpus alone, for click sets too small to learn the towers from. The inverse
/// cloze task (Lee et al. 2019, §4): a sentence drawn from a document is a query whose positive is the document.
/// Lee et al. remove the sentence from the document 90% of the time so the model learns more than word
/// overlap; here it stays in, as letter-trigram towers have no exact copy mechanism to exploit and a trial on
/// the man-page benchmark found keeping it fine. A title is the other classic pseudo-query (title → body).
/// Deterministic: the sentences of document i are drawn by (seed, i). Never reads a query.
/// </summary>
/// <example>
/// "Copy files. Options are listed below! See also mv" → sentences "Copy files.", "Options are listed below!",
/// "See also mv"; the first has 2 words and is too short to be a query (<see cref="MinWords"/>).
/// </example>
public static class PseudoQueries
{
    /// <summary>A sentence with fewer words is no query (a heading or a stray "Examples:").</summary>
    public const int MinWords = 3;

    /// <summary>Longer sentences are cut to this many characters: queries are short.</summary>
    public const int MaxChars = 300;

    static readonly Tokenizer Words = new EnglishTokenizer();

    /// <summary>
    /// <see cref="PseudoQueryKind.Auto"/> made concrete: inverse-cloze pseudo-queries for a click set smaller than the
    /// corpus (the man-page benchmark: 783 clicks, 1,099 pages — they raise dev NDCG@10 from 0.55 to 0.59), none for a
    /// larger one (semantic-clicks: 12,641 clicks, 2,320 pages, where queries and pages share no words by construction
    /// and sentence queries, which do, lower dev NDCG@10 from 0.82 to 0.76). Other kinds are returned as they are.
    /// </summary>
    public static PseudoQueryKind Resolve(PseudoQueryKind kind, int clicks, int documents) =>
        kind != PseudoQueryKind.Auto ? kind : clicks < documents ? PseudoQueryKind.Ict : PseudoQueryKind.None;

    /// <summary>
    /// (document index, query text) pairs, at most <paramref name="perDocument"/> per document, in document order; at
    /// most <paramref name="limit"/> in all. When the corpus could give more than the limit, the documents are visited
    /// in a seeded shuffled order until it is reached (otherwise all are, and the limit changes nothing).
    /// </summary>
    public static IReadOnlyList<(int Document, string Query)> Make(PseudoQueryKind kind, IReadOnlyList<BeirDocument> documents, int perDocument, long seed,
        int limit = int.MaxValue)
    {
        if (kind == PseudoQueryKind.Auto) throw new ArgumentException("resolve the auto pseudo-queries first (PseudoQueries.Resolve)", nameof(kind));
        var result = new List<(int Document, string Query)>();
        if (kind == PseudoQueryKind.None) return result;
        var order = Enumerable.Range(0, documents.Count).ToArray();
        var sampled = (long)documents.Count * perDocument > limit;
        if (sampled) Rng.For(seed, 4, 0).Shuffle(order);
        foreach (var i in order)
        {
            if (result.Count >= limit) break;
            if (kind == PseudoQueryKind.Title)
            {
                if (documents[i].Title.Trim() is { Length: > 0 } title && documents[i].Text.Length > 0) result.Add((i, title));
                continue;
            }
            var sentences = Sentences(documents[i].Text).Where(s => Words.Tokenize(s).Count >= MinWords || HanCharacters(s) >= 2 * MinWords).ToList();
            var rng = Rng.For(seed, 3, i);
            rng.Shuffle(sentences);
            foreach (var s in sentences.Take(Math.Min(perDocument, limit - result.Count))) result.Add((i, s.Length > MaxChars ? s[..MaxChars] : s));
        }
        return sampled ? result.OrderBy(p => p.Document).ToList() : result;   // stable: a document's sentences keep their order
    }

    /// <summary>A text cut after . ! ? ; (and their CJK forms) when followed by a space or the end, and at every line break.</summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var current = new StringBuilder();
        void Flush() { var s = current.ToString().Trim(); if (s.Length > 0) sentences.Add(s); current.Clear(); }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r') { Flush(); continue; }
            current.Append(c);
            if (c is '。' or '！' or '？' or '；') Flush();
            else if (c is '.' or '!' or '?' or ';' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))) Flush();
        }
        Flush();
        return sentences;
    }

    static int HanCharacters(string s) => s.Count(c => c is >= '\u4e00' and <= '\u9fff');
}

namespace Dssm.Research.Evaluation;

/// <summary>
/// The lexical baseline of pair tasks: the TF-IDF cosine of a row's two texts (<see cref="TfIdf"/>, scikit-learn's
/// weighting), with idf over the distinct texts of the rows given (both sides, no labels). Units are words (an
/// analyzer's terms) or character n-grams inside word boundaries, as scikit-learn's
/// <c>TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3))</c> cuts them (<see cref="CharacterNGrams"/>): the
/// character cosine is the usual strong baseline on Chinese question pairs (LCQMC, BQ), whose texts have no spaces.
/// </summary>
public static class PairTfIdf
{
    /// <summary>cos(tfidf(query), tfidf(doc)) of each row, in order; idf from the distinct texts of <paramref name="idfRows"/>
    /// (the rows themselves when null).</summary>
    public static IReadOnlyList<double> Scores(IReadOnlyList<(string Query, string Doc)> rows, Func<string, IReadOnlyList<string>> tokenize,
        IEnumerable<(string Query, string Doc)>? idfRows = null, TfIdfOptions? options = null)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (q, d) in (idfRows ?? rows).Concat(rows))
            foreach (var t in new[] { q, d })
                if (!texts.ContainsKey(t)) texts[t] = texts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tokens = texts.Keys.AsParallel().AsOrdered().Select(t => (Id: texts[t], Tokens: tokenize(t))).ToList();
        var model = new TfIdf(tokens, options);
        var byId = tokens.ToDictionary(t => t.Id, t => t.Tokens, StringComparer.Ordinal);
        var scores = new double[rows.Count];
        Parallel.For(0, rows.Count, i => scores[i] = model.Score(byId[texts[rows[i].Query]], [texts[rows[i].Doc]])[0].Score);
        return scores;
    }

    /// <summary>
    /// Character n-grams of <paramref name="min"/>..<paramref name="max"/> characters inside each whitespace-separated
    /// word padded with one space, lower-cased (scikit-learn's <c>char_wb</c>); a padded word no longer than n gives
    /// itself once, and no longer n-grams. <c>"Hi yo"</c>, 2..3 → <c>" h", "hi", "i ", " hi", "hi ", " y", "yo", "o ", " yo", "yo "</c>.
    /// A Chinese sentence is one word: its character unigrams, bigrams and trigrams.
    /// </summary>
    public static IReadOnlyList<string> CharacterNGrams(string text, int min = 1, int max = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(min, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        var grams = new List<string>();
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var w = " " + word + " ";
            for (var n = min; n <= max; n++)
            {
                if (w.Length <= n) { grams.Add(w); break; }   // a short word counts once, as in scikit-learn
                for (var i = 0; i + n <= w.Length; i++) grams.Add(w.Substring(i, n));
            }
        }
        return grams;
    }
}

using Dssm.Research.Ranking;

namespace Dssm.Research.Evaluation;

/// <summary>
/// The library side of <c>dssm baseline bm25|tfidf</c>: index a tokenized corpus, rank every query (over the
/// whole corpus, or over given candidates), and return the run to evaluate or write as a TREC file.
/// Queries and documents are analysed alike: by <see cref="BaselineOptions.Analyzer"/> from text, or by the
/// caller when it passes tokens.
/// </summary>
public static class Baselines
{
    /// <summary>Builds the model of <paramref name="options"/> over <paramref name="docs"/>.</summary>
    public static ILexicalModel Build(IEnumerable<(string Id, IReadOnlyList<string> Tokens)> docs, BaselineOptions? options = null)
    {
        options ??= new BaselineOptions();
        return options.Kind switch
        {
            BaselineKind.Bm25 => new Bm25(docs, options.Bm25),
            BaselineKind.TfIdf => new TfIdf(docs, options.TfIdf),
            _ => throw new ArgumentOutOfRangeException(nameof(options)),
        };
    }

    /// <summary>
    /// Ranks each query: full-corpus search to <see cref="BaselineOptions.Depth"/> when
    /// <paramref name="candidates"/> is null, else every candidate of the query (queries without candidates
    /// are left out). Queries are ranked in parallel; the result does not depend on the thread count.
    /// </summary>
    public static RankedRun Run(
        IEnumerable<(string Id, IReadOnlyList<string> Tokens)> queries,
        IEnumerable<(string Id, IReadOnlyList<string> Tokens)> docs,
        BaselineOptions? options = null,
        Candidates? candidates = null)
    {
        options ??= new BaselineOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Depth);
        return Run(Build(docs, options), queries, options.Depth, candidates);
    }

    /// <summary>As the token overload, analysing queries and documents with <see cref="BaselineOptions.Analyzer"/>.</summary>
    public static RankedRun Run(
        IEnumerable<(string Id, string Text)> queries,
        IEnumerable<(string Id, string Text)> docs,
        BaselineOptions? options = null,
        Candidates? candidates = null)
    {
        options ??= new BaselineOptions();
        var analyzer = options.CreateAnalyzer();
        return Run(queries, docs, text => analyzer.Tokenize(text), options, candidates);
    }

    /// <summary>As the token overload, tokenizing queries and documents with one tokenizer.</summary>
    public static RankedRun Run(
        IEnumerable<(string Id, string Text)> queries,
        IEnumerable<(string Id, string Text)> docs,
        Func<string, IReadOnlyList<string>> tokenize,
        BaselineOptions? options = null,
        Candidates? candidates = null) =>
        // Documents are analysed on all cores, in corpus order (the index is the same whatever the thread count).
        Run(queries.Select(q => (q.Id, tokenize(q.Text))),
            docs.AsParallel().AsOrdered().Select(d => (d.Id, tokenize(d.Text))), options, candidates);

    /// <summary>Ranks queries with an already built model (see the other overload).</summary>
    public static RankedRun Run(
        ILexicalModel model,
        IEnumerable<(string Id, IReadOnlyList<string> Tokens)> queries,
        int depth = 1000,
        Candidates? candidates = null)
    {
        var list = queries.ToArray();
        var hits = new IReadOnlyList<ScoredDoc>?[list.Length];
        Parallel.For(0, list.Length, i =>
        {
            var (id, tokens) = list[i];
            if (candidates is null) hits[i] = model.Search(tokens, depth);
            else if (candidates.For(id) is { Count: > 0 } docIds) hits[i] = model.Score(tokens, docIds);
        });
        var run = new RankedRun();
        for (var i = 0; i < list.Length; i++)
            if (hits[i] is { } h)
            {
                if (run.Contains(list[i].Id)) throw new ArgumentException($"query id '{list[i].Id}' appears twice", nameof(queries));
                run.AddRange(list[i].Id, h);
            }
        return run;
    }
}

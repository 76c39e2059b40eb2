using System.Globalization;

namespace Dssm.Research.Experiments;

/// <summary>
/// The documents a model ranks per query: the whole corpus, a candidates file, or BM25's top N — the paper's
/// own setting, where DSSM re-ranks the documents a first-stage system retrieved (Huang et al. 2013, §4:
/// "the candidate documents … are retrieved … and re-ranked"). Named on the CLI as <c>--rerank bm25:100</c>,
/// <c>--rerank candidates</c> or <c>--candidates FILE</c>.
/// </summary>
/// <param name="Kind">Corpus, candidates or BM25.</param>
/// <param name="Depth">N, BM25's documents per query (with <see cref="FirstStageKind.Bm25"/>).</param>
/// <param name="File">The candidates file (with <see cref="FirstStageKind.Candidates"/>); null = the dataset's <c>candidates.tsv</c>.</param>
public sealed record FirstStage(FirstStageKind Kind = FirstStageKind.Corpus, int Depth = 100, string? File = null)
{
    /// <summary>The whole corpus.</summary>
    public static FirstStage Corpus { get; } = new();

    /// <summary>
    /// Reads <c>corpus</c>, <c>candidates</c> (the dataset's file), <c>bm25</c> (top 100) or <c>bm25:N</c>.
    /// </summary>
    /// <exception cref="ArgumentException">any other text; the message names the option and what it takes.</exception>
    public static FirstStage Parse(string text, string option = "--rerank")
    {
        var t = text?.Trim().ToLowerInvariant() ?? "";
        if (t == "corpus") return Corpus;
        if (t == "candidates") return new FirstStage(FirstStageKind.Candidates);
        if (t == "bm25") return new FirstStage(FirstStageKind.Bm25);
        if (t.StartsWith("bm25:", StringComparison.Ordinal))
            return int.TryParse(t[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? new FirstStage(FirstStageKind.Bm25, n)
                : throw new ArgumentException($"{option} {text}: the depth after 'bm25:' must be a whole number ≥ 1, e.g. bm25:100");
        throw new ArgumentException($"{option} '{text}' is not one of bm25:N (BM25's top N), bm25 (top 100), candidates (the dataset's candidates.tsv), corpus");
    }

    /// <summary>The name reports and file names use: <c>corpus</c>, <c>candidates</c>, <c>bm25:100</c>.</summary>
    public string Name => Kind switch
    {
        FirstStageKind.Bm25 => $"bm25:{Depth}",
        FirstStageKind.Candidates => "candidates",
        _ => "corpus",
    };
}

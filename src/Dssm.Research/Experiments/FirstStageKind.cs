namespace Dssm.Research.Experiments;

/// <summary>Which documents <c>dssm evaluate</c> ranks for a query (see <see cref="FirstStage"/>).</summary>
public enum FirstStageKind
{
    /// <summary>The whole corpus: exact top-k by cosine.</summary>
    Corpus,

    /// <summary>A candidates file: the dataset's <c>candidates.tsv</c> or one given by name.</summary>
    Candidates,

    /// <summary>BM25's top N, made on the fly with the baselines' analyzer.</summary>
    Bm25,
}

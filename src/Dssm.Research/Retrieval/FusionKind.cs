namespace Dssm.Research.Retrieval;

/// <summary>How <see cref="HybridScoring.Fuse"/> mixes a DSSM run with a lexical one (named on the CLI as <c>--fusion linear|rrf</c>).</summary>
public enum FusionKind
{
    /// <summary>α · minmax(DSSM) + (1 − α) · minmax(lexical), per query: the scores' shapes count.</summary>
    Linear,

    /// <summary>Reciprocal rank fusion, α / (k + rank in DSSM) + (1 − α) / (k + rank in lexical): only the ranks count.</summary>
    Rrf,
}

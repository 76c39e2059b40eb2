namespace Dssm.Research.Evaluation;

/// <summary>The paper's lexical baselines (Huang et al. 2013, Table 2).</summary>
public enum BaselineKind
{
    /// <summary>Okapi BM25 with Lucene's idf (<see cref="Evaluation.Bm25"/>).</summary>
    Bm25,
    /// <summary>TF-IDF cosine (<see cref="Evaluation.TfIdf"/>).</summary>
    TfIdf,
}

namespace Dssm.Research.Retrieval;

/// <summary>What <c>dssm encode --format</c> writes.</summary>
public enum VectorFormat
{
    /// <summary>The kit's checksummed embedding index file (<see cref="EmbeddingIndex.Save"/>), read by <c>dssm search --index</c>.</summary>
    Index,
    /// <summary>Apache Parquet: id, vector, text hash (<see cref="ParquetVectors"/>), for Spark, DuckDB and vector stores.</summary>
    Parquet,
}

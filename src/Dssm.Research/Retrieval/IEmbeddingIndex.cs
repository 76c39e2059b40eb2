using Dssm.Research.Ranking;

namespace Dssm.Research.Retrieval;

/// <summary>
/// Top-k search by cosine over a corpus of unit vectors: exact (<see cref="EmbeddingIndex"/>) or approximate
/// (<see cref="HnswIndex"/>). Results are in trec_eval order (score descending, ties by id descending).
/// </summary>
public interface IEmbeddingIndex
{
    /// <summary>N, the number of documents.</summary>
    int Count { get; }

    /// <summary>D, the embedding dimension.</summary>
    int Dimension { get; }

    /// <summary>Document ids, in row order.</summary>
    IReadOnlyList<string> Ids { get; }

    /// <summary>The top-k of each query.</summary>
    IReadOnlyList<ScoredDoc>[] Search(IReadOnlyList<float[]> queries, int k);

    /// <summary>The top-k of one query.</summary>
    IReadOnlyList<ScoredDoc> Search(float[] query, int k) => Search([query], k)[0];

    /// <summary>The top-k of named queries, as a run.</summary>
    RankedRun Search(IReadOnlyDictionary<string, float[]> queries, int k)
    {
        var keys = queries.Keys.ToArray();
        var hits = Search(keys.Select(q => queries[q]).ToArray(), k);
        var run = new RankedRun();
        for (var i = 0; i < keys.Length; i++) run.AddRange(keys[i], hits[i]);
        return run;
    }
}

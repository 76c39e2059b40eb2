namespace Dssm.Research.Text;

/// <summary>
/// Receives the features of a word. Implemented by structs so that the JIT specialises and inlines the
/// feature loop for each use (hashing, vocabulary look-up, counting while fitting) — no delegate, no
/// string per n-gram.
/// </summary>
internal interface IFeatureSink
{
    void Add(FeatureKind kind, ReadOnlySpan<char> feature);
}

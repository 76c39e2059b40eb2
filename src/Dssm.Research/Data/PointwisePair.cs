namespace Dssm.Research.Data;

/// <summary>
/// One row of the pointwise format <c>label&lt;TAB&gt;query&lt;TAB&gt;doc</c>: label 1 when the document
/// was clicked under the query, 0 when it was shown and not clicked (or sampled as a negative). The input of
/// the pointwise loss; the softmax loss of Huang et al. (2013, §3.3) uses the clicked pairs.
/// </summary>
public sealed record PointwisePair(int Label, string Query, string Doc);

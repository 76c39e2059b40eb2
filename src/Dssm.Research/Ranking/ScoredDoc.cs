namespace Dssm.Research.Ranking;

/// <summary>One retrieved document of a query and the score the system gave it (higher is better).</summary>
public readonly record struct ScoredDoc(string DocId, double Score);

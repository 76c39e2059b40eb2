using Dssm.Research.Ranking;

namespace Dssm.Research.Experiments;

/// <summary>One split ranked by <see cref="ModeRanker"/>: the DSSM's run, BM25's when it was needed, and what the candidates left out.</summary>
sealed record SplitRuns(string Split, Qrels Qrels, RankedRun Dssm, RankedRun? Lexical, CandidateRestriction? Restriction);

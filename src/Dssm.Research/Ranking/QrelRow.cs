namespace Dssm.Research.Ranking;

/// <summary>One judgement line of a BEIR <c>qrels/{split}.tsv</c>, with its line number for error messages.</summary>
public sealed record QrelRow(long Line, string QueryId, string DocumentId, int Score);

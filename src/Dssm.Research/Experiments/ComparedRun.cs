namespace Dssm.Research.Experiments;

/// <summary>One side of <see cref="Comparison.Run"/>: a system's name, its TREC run file, and the qrels its
/// evaluation report points to (null for a plain run file).</summary>
public sealed record ComparedRun(string Name, string RunFile, string? Qrels);

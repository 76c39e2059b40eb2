namespace Dssm.Notebooks;

/// <summary>One executed cell: its 1-based number in the notebook, kernel, time, and error if any.</summary>
public sealed record CellResult(int Number, string KernelName, TimeSpan Elapsed, string? Error);

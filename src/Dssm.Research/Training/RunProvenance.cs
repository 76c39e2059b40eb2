namespace Dssm.Research.Training;

/// <summary>Where a run came from, as its config.json recorded it (any field may be missing in a run written by hand).</summary>
/// <param name="Data">The BEIR folder it trained on (full path), or null.</param>
/// <param name="Pairs">The pair file it trained on (full path), or null.</param>
/// <param name="Split">The split whose clicks trained it.</param>
/// <param name="Command">The command line that started it.</param>
/// <param name="DevPairs">The dev pair file that early-stopped a pair run (full path), or null.</param>
public sealed record RunProvenance(string? Data, string? Pairs, string? Split, string? Command, string? DevPairs = null);

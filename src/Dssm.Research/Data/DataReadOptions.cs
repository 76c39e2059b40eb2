namespace Dssm.Research.Data;

/// <summary>How strictly the readers treat their input.</summary>
/// <param name="Lenient">
/// Off (the default): the first malformed line stops the read with a <see cref="DataFormatException"/>.
/// On: malformed lines are skipped and every one of them is listed in <see cref="DataReadReport.Skipped"/>
/// (never a silent drop). Whole-file problems (an empty file, a missing file) still stop the read.
/// </param>
/// <param name="MaxLineBytes">A longer line is malformed ("line too long"); guards against reading a
/// binary file or a file without newlines into memory. 16 MiB by default.</param>
/// <param name="DeduplicateDocuments">BEIR only: documents whose whitespace-normalised title and text are
/// equal are merged into the first one; judgements and candidates of the others are moved to it.</param>
public sealed record DataReadOptions(
    bool Lenient = false,
    int MaxLineBytes = 16 * 1024 * 1024,
    bool DeduplicateDocuments = false)
{
    public static DataReadOptions Strict { get; } = new();
}

namespace Dssm.Notebooks;

/// <summary>
/// A notebook run: every cell up to and including the first failing one, and the files written
/// (.ipynb with outputs, .html report). <see cref="Succeeded"/> is false when a cell failed.
/// </summary>
public sealed record NotebookResult(string Notebook, IReadOnlyList<CellResult> Cells, TimeSpan Elapsed, string? IpynbPath, string? HtmlPath)
{
    public CellResult? FailedCell => Cells.FirstOrDefault(c => c.Error is not null);
    public bool Succeeded => FailedCell is null;

    /// <summary>"notebooks/00-setup-check.dib, cell 4 (csharp): error CS0103: …" or a success line.</summary>
    public string Summary => FailedCell is { } f
        ? $"{Notebook}, cell {f.Number} ({f.KernelName}): {f.Error}"
        : $"{Notebook}: {Cells.Count} cells ran in {Elapsed.TotalSeconds:0.0} s";
}

namespace Dssm.Notebooks;

/// <summary>How <see cref="NotebookRunner"/> runs notebooks.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Sets <see cref="NotebookRunner.QuickVariable"/>=1 for the run: notebooks shrink data and epochs.</summary>
    public bool Quick { get; init; }

    /// <summary>Where executed .ipynb files and HTML reports go; null writes nothing.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>
    /// Write plotly.js once, as <c>plotly-VERSION.min.js</c> in <see cref="OutputDirectory"/>, and have each HTML page
    /// load it from beside itself, instead of embedding the 3.5 MB bundle in every page: a folder of eight pages
    /// that is committed (notebooks/executed/) then weighs one bundle. The pages still open offline, with the file.
    /// </summary>
    public bool SharedPlotlyJs { get; init; }

    /// <summary>Longest time one cell may take before the run fails.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Called with one line per event worth printing (cell started, finished, failed).</summary>
    public Action<string>? Log { get; init; }
}

using System.Diagnostics;

namespace Dssm.Notebooks;

/// <summary>
/// <c>dssm notebooks run</c>: runs notebooks in a child process, this runner's own program (<see cref="Program"/>),
/// because the calling process has Dssm.Research and TorchSharp on its load path and a notebook's <c>#r</c> would
/// bind to those. Writes each notebook as an executed .ipynb and an HTML report; stops at the first failed cell.
/// </summary>
public static class NotebookHost
{
    /// <summary>Runs <paramref name="notebooks"/> (default: <see cref="DefaultNotebooks"/>) and returns the child's exit code.</summary>
    /// <param name="mallocTunables">GLIBC_TUNABLES for the child on Linux when the user has set none (glibc reads them at
    /// start-up only; see <c>TorchRuntime.MallocTunables</c>).</param>
    /// <exception cref="FileNotFoundException">a notebook, or the runner program beside this assembly, is missing.</exception>
    public static int Run(IReadOnlyList<string> notebooks, bool quick, bool sharedPlotly, string outputDirectory, string? mallocTunables = null)
    {
        if (notebooks.Count == 0) notebooks = DefaultNotebooks();
        if (notebooks.Count == 0)
            throw new FileNotFoundException("no notebooks given and none found as notebooks/[0-9]*.dib under the current directory");
        foreach (var notebook in notebooks)
            if (!File.Exists(notebook)) throw new FileNotFoundException($"notebook {notebook} does not exist", notebook);
        var host = HostCommand();
        var start = new ProcessStartInfo(host[0]) { UseShellExecute = false };
        foreach (var arg in host.Skip(1)) start.ArgumentList.Add(arg);
        if (quick) start.ArgumentList.Add("--quick");
        if (sharedPlotly) start.ArgumentList.Add("--shared-plotly");
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(Path.GetFullPath(outputDirectory));
        foreach (var notebook in notebooks) start.ArgumentList.Add(notebook);
        if (mallocTunables is not null && OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("GLIBC_TUNABLES") is null)
            start.Environment["GLIBC_TUNABLES"] = mallocTunables;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host[0]}");
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>notebooks/NN-*.dib under the current directory, in name order.</summary>
    public static IReadOnlyList<string> DefaultNotebooks() =>
        Directory.Exists("notebooks")
            ? Directory.GetFiles("notebooks", "*.dib").Where(f => char.IsDigit(Path.GetFileName(f)[0])).Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>The runner beside the calling program: its apphost where there is one, else <c>dotnet Dssm.Notebooks.dll</c>.</summary>
    static string[] HostCommand()
    {
        var dir = AppContext.BaseDirectory;
        var apphost = Path.Combine(dir, OperatingSystem.IsWindows() ? "Dssm.Notebooks.exe" : "Dssm.Notebooks");
        if (File.Exists(apphost)) return [apphost];
        var dll = Path.Combine(dir, "Dssm.Notebooks.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"the notebook runner {dll} is missing: rebuild src/Dssm.Cli");
        return [Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet", dll];
    }
}

using System.Diagnostics;

namespace Dssm.Research.Tests;

/// <summary>Runs the built <c>dssm</c> CLI in a child process, as a user would.</summary>
static class DssmCli
{
    public static string Repo([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    public static (int Code, string Output) Run(string[] args, Dictionary<string, string>? environment = null, int timeoutSeconds = 600, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "dssm.dll"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? Repo(),
        };
        foreach (var (k, v) in environment ?? new()) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000)) { p.Kill(entireProcessTree: true); throw new TimeoutException($"dssm {string.Join(' ', args)} ran over {timeoutSeconds} s"); }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}

using Dssm.Cli;

namespace Dssm.Research.Tests;

/// <summary>
/// Runs <c>dssm</c> in this process, exactly as the executable does (<see cref="DssmApp.Run"/>), with the console
/// captured: no process start and no second libtorch load per call. The console is process-wide, so tests that
/// use this belong to the "Console" collection, which runs them one at a time.
/// </summary>
static class InProcessCli
{
    static readonly object Gate = new();

    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        lock (Gate)
        {
            var (stdout, stderr) = (Console.Out, Console.Error);
            var o = new StringWriter();
            var e = new StringWriter();
            Console.SetOut(o);
            Console.SetError(e);
            try { return (DssmApp.Run(args), o.ToString(), e.ToString()); }
            finally { Console.SetOut(stdout); Console.SetError(stderr); }
        }
    }

    /// <summary>Runs and asserts exit code 0, with the output in the failure message.</summary>
    public static string Ok(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.True(code == 0, $"dssm {string.Join(' ', args)} exited {code}:\n{output}\n{error}");
        return output + error;
    }
}

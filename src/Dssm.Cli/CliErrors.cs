namespace Dssm.Cli;

/// <summary>
/// Turns expected failures (bad input, missing files, an unknown split or id) into one clear line and exit code 2.
/// Anything else is a bug of the kit: it still prints one line, <c>dssm: internal error:</c> with the exception's
/// type, and exits 70 (EX_SOFTWARE); <c>DSSM_TRACE=1</c> prints the stack trace for a bug report.
/// </summary>
public static class CliErrors
{
    /// <summary>Exit code of bad input.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code of a failure that is the kit's fault (sysexits.h EX_SOFTWARE).</summary>
    public const int InternalError = 70;

    public static int Run(Func<int> body)
    {
        try { return body(); }
        catch (Exception e) when (IsBadInput(e))
        {
            Console.Error.WriteLine($"dssm: error: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"dssm: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} (DSSM_TRACE=1 prints the stack trace)");
            if (Environment.GetEnvironmentVariable("DSSM_TRACE") == "1") Console.Error.WriteLine(e);
            return InternalError;
        }
    }

    static bool IsBadInput(Exception e) => e is FormatException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException
        or ArgumentException or NotSupportedException or InvalidOperationException or IOException or UnauthorizedAccessException or KeyNotFoundException;
}

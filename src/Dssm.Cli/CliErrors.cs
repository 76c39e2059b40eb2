namespace Dssm.Cli;

/// <summary>Turns expected failures (bad input, missing files) into one clear line and exit code 2.</summary>
public static class CliErrors
{
    public static int Run(Func<int> body)
    {
        try { return body(); }
        catch (Exception e) when (e is FormatException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException or ArgumentException or NotSupportedException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"dssm: error: {e.Message}");
            return 2;
        }
    }
}

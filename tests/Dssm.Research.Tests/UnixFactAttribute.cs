namespace Dssm.Research.Tests;

/// <summary>A fact about the C environment (libc's getenv/setenv): skipped, with the reason, on Windows.</summary>
sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute() { if (OperatingSystem.IsWindows()) Skip = "needs a libc environment (not Windows)"; }
}

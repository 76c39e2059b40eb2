namespace Dssm.Research.Tests;

/// <summary>A fact about Linux itself (ELF files, /proc, glibc, libtorch's Linux packages): reported as skipped, with the
/// reason, on another system — never passed without running.</summary>
sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute() { if (!OperatingSystem.IsLinux()) Skip = "needs Linux"; }
}

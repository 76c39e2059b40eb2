namespace Dssm.Research.Tests;

/// <summary>The theory form of <see cref="LinuxFactAttribute"/>: every row is skipped, with the reason, elsewhere.</summary>
sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute() { if (!OperatingSystem.IsLinux()) Skip = "needs Linux"; }
}

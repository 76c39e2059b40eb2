namespace Dssm.Research.Tests.Data;

/// <summary>
/// A fact over the manual pages installed on this machine (Debian/Ubuntu: <c>apt-get install manpages
/// manpages-dev manpages-zh</c>); skipped, with the reason, where a package's dpkg file list is absent, so
/// a machine without them counts a skip instead of a silent pass.
/// </summary>
sealed class InstalledManPagesFactAttribute : FactAttribute
{
    public const string DpkgInfo = "/var/lib/dpkg/info";

    public InstalledManPagesFactAttribute(params string[] packages)
    {
        var missing = packages.Where(p => !File.Exists(Path.Combine(DpkgInfo, p + ".list"))).ToList();
        if (missing.Count > 0)
            Skip = $"not installed here: {string.Join(", ", missing)} (no {Path.Combine(DpkgInfo, missing[0] + ".list")}); apt-get install {string.Join(' ', packages)}";
    }
}

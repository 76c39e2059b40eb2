namespace Dssm.Notebooks.Tests;

/// <summary>
/// A fact that needs Debian's English manual pages (the packages <c>manpages</c> and <c>manpages-dev</c>, from which
/// notebook 08 builds its benchmark): skipped, and counted as skipped, where dpkg does not list them.
/// </summary>
sealed class InstalledManPagesFactAttribute : FactAttribute
{
    public InstalledManPagesFactAttribute()
    {
        var missing = new[] { "manpages", "manpages-dev" }.Where(p => !File.Exists($"/var/lib/dpkg/info/{p}.list")).ToList();
        if (missing.Count > 0) Skip = $"not installed here: {string.Join(", ", missing)}; apt-get install manpages manpages-dev";
    }
}

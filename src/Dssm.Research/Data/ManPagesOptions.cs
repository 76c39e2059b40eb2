namespace Dssm.Research.Data;

/// <summary>
/// How <see cref="ManPagesBenchmark"/> builds a benchmark. By default the pages are the files that dpkg
/// lists for the language's packages (<c>/var/lib/dpkg/info/manpages.list</c>, …), not whatever lies in
/// <c>/usr/share/man</c>: the result then depends only on those packages' versions, not on what else a
/// machine has installed. <see cref="ManDirectory"/> reads a folder instead (tests, other systems).
/// </summary>
/// <param name="Language">Which pages: English, or manpages-zh in simplified or traditional script.</param>
/// <param name="ManDirectory">A folder to read instead of the dpkg lists: every file in a <c>man*/</c>
/// subfolder of it (at any depth) is a page, and a <c>.so</c> target is looked up from that subfolder's parent.</param>
/// <param name="DpkgDirectory">dpkg's database: <c>info/PACKAGE.list</c> and <c>status</c> (for the versions).</param>
/// <param name="DevFraction">Share of queries in dev, by a hash of the query id.</param>
/// <param name="TestFraction">Share of queries in test, by the same hash; the rest is train (70/15/15 by default).</param>
public sealed record ManPagesOptions(
    ManPagesLanguage Language = ManPagesLanguage.English,
    string? ManDirectory = null,
    string DpkgDirectory = "/var/lib/dpkg",
    double DevFraction = 0.15,
    double TestFraction = 0.15);

using System.Text.RegularExpressions;

namespace Dssm.Research.Data;

/// <summary>
/// Finds the page files of a man-page benchmark: from dpkg's file lists of the language's packages (the
/// default: the result depends only on those packages), or from a folder.
/// </summary>
internal sealed partial class ManPageSource
{
    public required IReadOnlyList<ManPageFile> Files { get; init; }

    /// <summary>Where the pages came from, with package versions, for the summary.</summary>
    public required string Description { get; init; }

    /// <summary>Files in a folder that are not in a <c>man*/</c> subfolder (so not pages); 0 for dpkg lists.</summary>
    public int OtherFiles { get; init; }

    /// <summary>Listed by dpkg but not on disk (e.g. excluded by a dpkg path filter).</summary>
    public IReadOnlyList<ManPageSkip> Missing { get; init; } = [];

    [GeneratedRegex("^man[0-9a-z]+$")]
    private static partial Regex SectionFolder();

    public static IReadOnlyList<string> Packages(ManPagesLanguage language) =>
        language == ManPagesLanguage.English ? ["manpages", "manpages-dev"] : ["manpages-zh"];

    /// <summary>The name of the folder that holds the <c>man*/</c> folders: <c>/usr/share/man</c>, <c>…/zh_CN</c>.</summary>
    static string RootName(ManPagesLanguage language) => language switch
    {
        ManPagesLanguage.SimplifiedChinese => "zh_CN",
        ManPagesLanguage.TraditionalChinese => "zh_TW",
        _ => "man",
    };

    public static ManPageSource Find(ManPagesOptions options) =>
        options.ManDirectory is { } dir ? FromFolder(dir) : FromDpkg(options);

    static ManPageSource FromFolder(string dir)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"{dir}: no such folder; expected a folder with man1/, man2/, … holding page files");
        var root = Path.GetFullPath(dir);
        var files = new List<ManPageFile>();
        int other = 0;
        var all = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Order(StringComparer.Ordinal);
        foreach (var path in all)
        {
            var parent = Path.GetDirectoryName(path)!;
            if (SectionFolder().IsMatch(Path.GetFileName(parent))) files.Add(File(path, Path.GetDirectoryName(parent)!));
            else other++;
        }
        return new ManPageSource { Files = files, Description = $"folder {dir}", OtherFiles = other };
    }

    static ManPageSource FromDpkg(ManPagesOptions options)
    {
        var packages = Packages(options.Language);
        var versions = InstalledVersions(Path.Combine(options.DpkgDirectory, "status"));
        var files = new List<ManPageFile>();
        var missing = new List<ManPageSkip>();
        var described = new List<string>();
        foreach (var package in packages)
        {
            var list = Path.Combine(options.DpkgDirectory, "info", package + ".list");
            if (!System.IO.File.Exists(list))
                throw new DataFormatException(list, 0, null,
                    $"no such file: the package '{package}' is not installed; expected `apt-get install {string.Join(' ', packages)}`, or --man-dir DIR with the pages");
            described.Add($"{package} {versions.GetValueOrDefault(package, "(version unknown)")}");
            foreach (var entry in System.IO.File.ReadLines(list))
            {
                var parent = Path.GetDirectoryName(entry);
                if (parent is null || !SectionFolder().IsMatch(Path.GetFileName(parent))) continue;
                var root = Path.GetDirectoryName(parent)!;
                if (Path.GetFileName(root) != RootName(options.Language)) continue;
                var info = new FileInfo(entry);
                if (Directory.Exists(entry)) continue;
                if (!info.Exists && info.LinkTarget is null) { missing.Add(new ManPageSkip(entry, ManPageSkipReasons.Missing, $"in {list}")); continue; }
                files.Add(File(entry, root));
            }
        }
        return new ManPageSource { Files = files, Description = "dpkg: " + string.Join(", ", described), Missing = missing };
    }

    static ManPageFile File(string path, string root)
    {
        var name = Path.GetFileName(path);
        return new ManPageFile(name.EndsWith(".gz", StringComparison.Ordinal) ? name[..^3] : name, path, root);
    }

    /// <summary>Package → version of the installed packages in dpkg's <c>status</c> file (empty when it is absent).</summary>
    internal static Dictionary<string, string> InstalledVersions(string statusPath)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!System.IO.File.Exists(statusPath)) return versions;
        string? package = null, version = null;
        bool installed = false;
        foreach (var line in System.IO.File.ReadLines(statusPath).Append(""))
        {
            if (line.Length == 0)
            {
                if (package is not null && version is not null && installed) versions[package] = version;
                package = version = null;
                installed = false;
            }
            else if (line.StartsWith("Package: ", StringComparison.Ordinal)) package = line[9..].Trim();
            else if (line.StartsWith("Version: ", StringComparison.Ordinal)) version = line[9..].Trim();
            else if (line.StartsWith("Status: ", StringComparison.Ordinal)) installed = line.EndsWith(" installed", StringComparison.Ordinal);
        }
        return versions;
    }
}

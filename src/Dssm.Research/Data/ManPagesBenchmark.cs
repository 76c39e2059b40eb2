using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Dssm.Research.Ranking;

namespace Dssm.Research.Data;

/// <summary>
/// A real-text retrieval benchmark that any Debian or Ubuntu machine builds offline: Debian's manual pages
/// (<c>apt-get install manpages manpages-dev manpages-zh</c>) as a BEIR folder. The task is known-item
/// retrieval: the query is the one-line description on a page's NAME line (<c>open, openat, creat \- open
/// and possibly create a file</c> → <c>open and possibly create a file</c>; <c>ls \- 列出目录内容</c> →
/// <c>列出目录内容</c>), and the one relevant document is the page itself — its DESCRIPTION section as plain
/// text, titled with the page's names (<c>open, openat, creat</c>; the section number is left out of the
/// title: it is a digit that neither BM25 nor letter trigrams can use, and it names no concept).
/// It is the known-item setting of Ogilvie and Callan (SIGIR 2003) on technical text: queries are short,
/// written by the page's authors, and share only part of their wording with the body.
/// <para>Rules, each counted in <see cref="ManPagesSummary"/>: an alias page (a Debian symbolic link, or a
/// page that is only <c>.so man7/queue.7</c>) is resolved to its page and is never a document of its own;
/// a page without a title line, a NAME description or a non-empty DESCRIPTION is skipped with its reason;
/// pages whose DESCRIPTION texts are identical become one document (the page first in id order keeps it and
/// its title); pages whose NAME descriptions are identical become one query (id of the first page) with all
/// their pages relevant, so a query text never appears twice and never in two splits.
/// Ids are the file names without <c>.gz</c> (<c>open.2</c>); a query goes to train, dev or test by the
/// SHA-256 of its id (<see cref="StableId"/>), 70/15/15 by default, so a page keeps its split when other
/// pages come and go. Documents and queries are written in ordinal id order: the same pages give the
/// same bytes.</para>
/// </summary>
public static partial class ManPagesBenchmark
{
    /// <summary>The names <see cref="ParseLanguage"/> accepts, as on the command line.</summary>
    public static readonly IReadOnlyList<string> LanguageNames = ["en", "zh", "zh_TW"];

    const int MaxAliasHops = 8;

    /// <summary>The dash between names and description: blank on at least one side (<c>ls - 列出</c>,
    /// <c>write -在</c>, <c>perldata- Perl</c>), so a dash inside a name (<c>named-bootconf</c>) is none.</summary>
    [GeneratedRegex(@"\s+(?:-{1,2}|–|—)\s*|(?:-{1,2}|–|—)\s+")]
    private static partial Regex NameSeparator();

    public static ManPagesLanguage ParseLanguage(string name) => name switch
    {
        "en" => ManPagesLanguage.English,
        "zh" or "zh_CN" => ManPagesLanguage.SimplifiedChinese,
        "zh_TW" => ManPagesLanguage.TraditionalChinese,
        _ => throw new ArgumentException($"--lang: '{name}'; expected en, zh (simplified, zh_CN) or zh_TW (traditional)"),
    };

    /// <summary>Builds the benchmark in memory. A whole build that cannot proceed (a package not installed,
    /// no folder, not one usable page) throws a <see cref="DataFormatException"/> or <see cref="DirectoryNotFoundException"/>
    /// naming the file; a bad page is skipped and counted.</summary>
    public static (BeirDataset Dataset, ManPagesSummary Summary) Build(ManPagesOptions? options = null)
    {
        options ??= new ManPagesOptions();
        if (options.DevFraction < 0 || options.TestFraction < 0 || options.DevFraction + options.TestFraction >= 1)
            throw new ArgumentException($"dev fraction {options.DevFraction} and test fraction {options.TestFraction}: expected two shares ≥ 0 that leave some train");
        var source = ManPageSource.Find(options);
        var skipped = new List<ManPageSkip>(source.Missing);

        var files = new List<ManPageFile>();
        var byPath = new Dictionary<string, ManPageFile>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in source.Files.OrderBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal))
        {
            if (!ids.Add(f.Id)) { skipped.Add(new ManPageSkip(f.Path, ManPageSkipReasons.DuplicateId, $"another file is also {f.Id}")); continue; }
            files.Add(f);
            byPath[Path.GetFullPath(f.Path)] = f;
        }

        // Read every file once: an alias (symbolic link or .so page) or a page.
        var pages = new Dictionary<ManPageFile, ManPage>();
        var aliases = new Dictionary<ManPageFile, (string Kind, string Target, string Detail)>();
        var decoded = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            var link = new FileInfo(f.Path).LinkTarget;
            if (link is not null)
            {
                aliases[f] = ("symlink", Path.GetFullPath(link, Path.GetDirectoryName(Path.GetFullPath(f.Path))!), $"-> {link}");
                continue;
            }
            string text;
            try
            {
                var (t, fallback) = ManPageText.Decode(ReadBytes(f.Path), options.Language);
                text = t;
                if (fallback is not null) decoded[fallback] = decoded.GetValueOrDefault(fallback) + 1;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                skipped.Add(new ManPageSkip(f.Path, ManPageSkipReasons.Unreadable, e.Message));
                continue;
            }
            catch (DecoderFallbackException e)
            {
                skipped.Add(new ManPageSkip(f.Path, ManPageSkipReasons.NotText, e.Message));
                continue;
            }
            var page = ManRoff.Parse(text);
            if (page.SoTarget is { } so) aliases[f] = (".so", Path.GetFullPath(Path.Combine(f.Root, so)), $"line {page.SoLine}: .so {so}");
            else pages[f] = page;
        }

        int symlinkAliases = 0, soAliases = 0;
        foreach (var (f, alias) in aliases)
        {
            var failure = Resolve(alias.Target, byPath, aliases, pages);
            if (failure is null) { if (alias.Kind == "symlink") symlinkAliases++; else soAliases++; }
            else skipped.Add(new ManPageSkip(f.Path, failure.Value.Reason, $"{alias.Detail}: {failure.Value.Detail}"));
        }

        // The pages that make the benchmark, in id order: (id, title, query, document text).
        var used = new List<(string Id, string Title, string Query, string Text)>();
        var uninterpreted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            if (!pages.TryGetValue(f, out var page)) continue;
            foreach (var (k, v) in page.Uninterpreted) uninterpreted[k] = uninterpreted.GetValueOrDefault(k) + v;
            var (entry, skip) = Entry(f, page);
            if (skip is not null) skipped.Add(skip);
            else used.Add(entry);
        }
        if (used.Count == 0)
            throw new DataFormatException(source.Description, 0, null, $"no page with a NAME description and a DESCRIPTION among {files.Count:N0} page files; expected Debian's manual pages");

        // One document per distinct DESCRIPTION; one query per distinct NAME description.
        var documentOf = new Dictionary<string, string>(StringComparer.Ordinal);   // page id → document id
        var byText = new Dictionary<string, string>(StringComparer.Ordinal);
        var documents = new List<BeirDocument>();
        foreach (var p in used)
        {
            if (byText.TryGetValue(p.Text, out var first)) { documentOf[p.Id] = first; continue; }
            byText[p.Text] = p.Id;
            documentOf[p.Id] = p.Id;
            documents.Add(new BeirDocument(p.Id, p.Title, p.Text));
        }
        var queryOf = new Dictionary<string, string>(StringComparer.Ordinal);      // query text → query id
        var relevant = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var queries = new List<KeyValuePair<string, string>>();
        foreach (var p in used)
        {
            if (!queryOf.TryGetValue(p.Query, out var qid))
            {
                queryOf[p.Query] = qid = p.Id;
                relevant[qid] = [];
                queries.Add(new(qid, p.Query));
            }
            if (!relevant[qid].Contains(documentOf[p.Id])) relevant[qid].Add(documentOf[p.Id]);
        }
        var qrels = new Dictionary<string, Qrels>(StringComparer.Ordinal) { ["train"] = new(), ["dev"] = new(), ["test"] = new() };
        foreach (var (qid, _) in queries)
        {
            var u = StableId.Unit(qid);
            var split = u < options.TestFraction ? "test" : u < options.TestFraction + options.DevFraction ? "dev" : "train";
            foreach (var d in relevant[qid]) qrels[split].Add(qid, d, 1);
        }
        var dataset = new BeirDataset(documents, queries, qrels.Where(s => s.Value.Count > 0));

        var summary = new ManPagesSummary(
            Language: options.Language,
            Source: source.Description,
            PageFiles: source.Files.Count + source.Missing.Count,
            OtherFiles: source.OtherFiles,
            SymlinkAliases: symlinkAliases,
            SoAliases: soAliases,
            PagesRead: pages.Count,
            Skipped: skipped.OrderBy(s => s.Path, StringComparer.Ordinal).ToList(),
            DecodedAs: decoded,
            PagesUsed: used.Count,
            MergedDocuments: used.Count - documents.Count,
            Documents: documents.Count,
            MergedQueries: used.Count - queries.Count,
            Splits: dataset.Splits.ToDictionary(s => s, s => (dataset.Qrels(s).QueryIds.Count, dataset.Qrels(s).Count)),
            Uninterpreted: uninterpreted);
        return (dataset, summary);
    }

    /// <summary>Builds the benchmark and writes it as a BEIR folder (byte-identical for the same pages).</summary>
    public static ManPagesSummary Write(string dir, ManPagesOptions? options = null)
    {
        var (dataset, summary) = Build(options);
        dataset.Save(dir);
        return summary;
    }

    static byte[] ReadBytes(string path)
    {
        using var file = File.OpenRead(path);
        using var memory = new MemoryStream();
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gz = new GZipStream(file, CompressionMode.Decompress);
            gz.CopyTo(memory);
        }
        else file.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>Follows an alias to a page; null when it ends at one, else why not.</summary>
    static (string Reason, string Detail)? Resolve(string target, Dictionary<string, ManPageFile> byPath,
        Dictionary<ManPageFile, (string Kind, string Target, string Detail)> aliases, Dictionary<ManPageFile, ManPage> pages)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int hop = 0; hop < MaxAliasHops; hop++)
        {
            if (!seen.Add(target)) return (ManPageSkipReasons.AliasLoop, $"{target} again");
            var file = byPath.GetValueOrDefault(target) ?? byPath.GetValueOrDefault(target + ".gz");
            if (file is null)
                return File.Exists(target) || File.Exists(target + ".gz")
                    ? (ManPageSkipReasons.AliasOutside, $"{target} is not among the pages read")
                    : (ManPageSkipReasons.BrokenAlias, $"no such page {target}");
            if (aliases.TryGetValue(file, out var next)) { target = next.Target; continue; }
            return pages.ContainsKey(file) ? null : (ManPageSkipReasons.BrokenAlias, $"{file.Path} could not be read");
        }
        return (ManPageSkipReasons.AliasLoop, $"more than {MaxAliasHops} aliases in a row");
    }

    /// <summary>The page's title, query and document text, or why it has none.</summary>
    static ((string Id, string Title, string Query, string Text) Entry, ManPageSkip? Skip) Entry(ManPageFile f, ManPage page)
    {
        ManPageSkip Skip(string reason, string detail = "") => new(f.Path, reason, detail);
        if (page.Title is null) return (default, Skip(ManPageSkipReasons.NoTitle));
        var name = page.Sections.FirstOrDefault(s => ManPageHeadings.IsName(s.Heading));
        if (name is null) return (default, Skip(ManPageSkipReasons.NoName, "sections: " + string.Join(", ", page.Sections.Select(s => s.Heading).Take(4))));
        var nameLine = string.Join(' ', name.Lines).Trim();
        var separator = NameSeparator().Match(nameLine);
        var names = separator.Success ? nameLine[..separator.Index].Trim() : "";
        var query = separator.Success ? nameLine[(separator.Index + separator.Length)..].Trim() : "";
        if (names.Length == 0 || query.Length == 0) return (default, Skip(ManPageSkipReasons.NoDescriptionInName, Shorten(nameLine)));
        var description = page.Sections.Where(s => s != name && ManPageHeadings.IsDescription(s.Heading)).ToList();
        if (description.Count == 0) return (default, Skip(ManPageSkipReasons.NoDescription, "sections: " + string.Join(", ", page.Sections.Select(s => s.Heading).Take(4))));
        var text = string.Join('\n', description.SelectMany(s => s.Lines));
        if (text.Trim().Length == 0) return (default, Skip(ManPageSkipReasons.EmptyDescription));
        return ((f.Id, names, query, text), null);
    }

    static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}

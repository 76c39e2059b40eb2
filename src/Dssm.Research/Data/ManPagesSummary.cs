using System.Globalization;
using System.Text;

namespace Dssm.Research.Data;

/// <summary>
/// What a man-page build read and kept: every page file is an alias, a skipped page (with its reason) or
/// a page in the benchmark, so the counts add up and nothing leaves unseen.
/// </summary>
/// <param name="Language">Which pages.</param>
/// <param name="Source">Where they came from: the dpkg packages with their versions, or the folder.</param>
/// <param name="PageFiles">Page files found (aliases included; dpkg-listed files missing on disk included).</param>
/// <param name="OtherFiles">Files of a <c>--man-dir</c> folder outside any <c>man*/</c> subfolder (not pages).</param>
/// <param name="SymlinkAliases">Debian's alias pages (symbolic links) resolved to their page.</param>
/// <param name="SoAliases">Pages that are only <c>.so target</c>, resolved to their page.</param>
/// <param name="PagesRead">Files read as pages (not aliases, not unreadable).</param>
/// <param name="Skipped">Every page file left out, with its reason.</param>
/// <param name="DecodedAs">Encoding → pages that were not UTF-8 and were read in it.</param>
/// <param name="PagesUsed">Pages with a NAME description and a non-empty DESCRIPTION.</param>
/// <param name="MergedDocuments">Pages whose DESCRIPTION text equals an earlier page's: one document for both.</param>
/// <param name="Documents">Documents in the corpus.</param>
/// <param name="MergedQueries">Pages whose NAME description equals an earlier page's: one query, several relevant pages.</param>
/// <param name="Splits">Split → (queries, judgements).</param>
/// <param name="Uninterpreted">Requests the roff reader does not know → occurrences (their arguments are not in the text).</param>
public sealed record ManPagesSummary(
    ManPagesLanguage Language,
    string Source,
    int PageFiles,
    int OtherFiles,
    int SymlinkAliases,
    int SoAliases,
    int PagesRead,
    IReadOnlyList<ManPageSkip> Skipped,
    IReadOnlyDictionary<string, int> DecodedAs,
    int PagesUsed,
    int MergedDocuments,
    int Documents,
    int MergedQueries,
    IReadOnlyDictionary<string, (int Queries, int Judgements)> Splits,
    IReadOnlyDictionary<string, int> Uninterpreted)
{
    const int ExamplesPerReason = 5;

    /// <summary>Skipped pages per reason, most frequent first.</summary>
    public IReadOnlyList<(string Reason, int Count)> SkippedByReason =>
        Skipped.GroupBy(s => s.Reason).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

    public int Queries => Splits.Values.Sum(s => s.Queries);

    public override string ToString() => ToText();

    /// <summary>The summary the CLI prints: counts first, then each skip reason with a few of its pages.</summary>
    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var lang = ManPagesBenchmark.LanguageNames[(int)Language];
        sb.Append(c, $"man-page benchmark ({lang}) from {Source}\n");
        sb.Append(c, $"  page files        {PageFiles,7:N0}\n");
        if (OtherFiles > 0) sb.Append(c, $"  other files       {OtherFiles,7:N0}  (not in a man*/ folder: not pages)\n");
        sb.Append(c, $"  aliases           {SymlinkAliases + SoAliases,7:N0}  (symbolic links {SymlinkAliases:N0}, .so pages {SoAliases:N0}; resolved to their page, never a document)\n");
        sb.Append(c, $"  pages read        {PagesRead,7:N0}\n");
        foreach (var (encoding, n) in DecodedAs.OrderBy(d => d.Key, StringComparer.Ordinal))
            sb.Append(c, $"    not UTF-8, read as {encoding}: {n:N0}\n");
        sb.Append(c, $"  skipped           {Skipped.Count,7:N0}\n");
        foreach (var (reason, n) in SkippedByReason)
        {
            sb.Append(c, $"    {reason}: {n:N0}\n");
            foreach (var s in Skipped.Where(s => s.Reason == reason).Take(ExamplesPerReason))
                sb.Append(c, $"      {s.Path}{(s.Detail.Length > 0 ? "  " + s.Detail : "")}\n");
            if (n > ExamplesPerReason) sb.Append(c, $"      … and {n - ExamplesPerReason:N0} more\n");
        }
        sb.Append(c, $"  pages used        {PagesUsed,7:N0}  (a NAME description and a non-empty DESCRIPTION)\n");
        sb.Append(c, $"  merged documents  {MergedDocuments,7:N0}  (DESCRIPTION identical to an earlier page's)\n");
        sb.Append(c, $"  documents         {Documents,7:N0}\n");
        sb.Append(c, $"  merged queries    {MergedQueries,7:N0}  (NAME description identical to an earlier page's: one query, several relevant pages)\n");
        sb.Append(c, $"  queries           {Queries,7:N0}\n");
        sb.Append("  split      queries  judgements\n");
        foreach (var (split, (q, j)) in Splits) sb.Append(c, $"  {split,-8} {q,9:N0} {j,11:N0}\n");
        if (Uninterpreted.Count > 0)
        {
            var top = Uninterpreted.OrderByDescending(u => u.Value).ThenBy(u => u.Key, StringComparer.Ordinal).Take(12).Select(u => $"{u.Key} {u.Value:N0}");
            sb.Append(c, $"  requests not interpreted (their arguments are not in the text): {string.Join(", ", top)}{(Uninterpreted.Count > 12 ? ", …" : "")}\n");
        }
        return sb.ToString();
    }
}

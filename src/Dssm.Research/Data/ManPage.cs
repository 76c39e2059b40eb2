namespace Dssm.Research.Data;

/// <summary>
/// A manual page as <see cref="ManRoff"/> reads it: the title line (<c>.TH open 2 …</c>, or mdoc's
/// <c>.Dt</c>), the sections in order, or — for an alias page — only the <c>.so</c> target.
/// </summary>
/// <param name="Title">The page name on its title line; null when the page has none (then it is no page to index).</param>
/// <param name="Section">The manual section on the title line (<c>2</c>, <c>3type</c>); null when absent.</param>
/// <param name="Sections">Every <c>.SH</c> section, in page order.</param>
/// <param name="SoTarget">For a page that is only <c>.so man7/queue.7</c>: the target as written; otherwise null.</param>
/// <param name="SoLine">The line of that <c>.so</c> request (0 when none).</param>
/// <param name="Uninterpreted">Requests and macros the reader does not know, with their counts: their
/// arguments are not in the text, and a caller can report them instead of dropping them unseen.</param>
public sealed record ManPage(
    string? Title,
    string? Section,
    IReadOnlyList<ManPageSection> Sections,
    string? SoTarget,
    int SoLine,
    IReadOnlyDictionary<string, int> Uninterpreted);

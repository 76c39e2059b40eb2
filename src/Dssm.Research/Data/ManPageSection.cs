namespace Dssm.Research.Data;

/// <summary>
/// One <c>.SH</c> section of a manual page as plain text: its heading as written (<c>DESCRIPTION</c>,
/// <c>描述</c>, <c>"DESCRIPTION 描述"</c> without the quotes) and its output lines. A line is a filled
/// paragraph, a list tag, a subsection heading, a table row or one line of a no-fill block, with runs of
/// blanks collapsed to one space.
/// </summary>
public sealed record ManPageSection(string Heading, IReadOnlyList<string> Lines)
{
    /// <summary>The lines joined by <c>\n</c>.</summary>
    public string Text => string.Join('\n', Lines);
}

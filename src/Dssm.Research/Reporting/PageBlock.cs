namespace Dssm.Research.Reporting;

/// <summary>
/// One block of a <see cref="Charts.Page"/>: markdown (a string converts implicitly), a chart, or
/// raw HTML (a table from <see cref="Tables.ToHtml"/>).
/// </summary>
public abstract record PageBlock
{
    /// <summary>Markdown text, rendered with Markdig.</summary>
    public sealed record Markdown(string Text) : PageBlock;

    /// <summary>HTML inserted as is.</summary>
    public sealed record Html(string Content) : PageBlock;

    /// <summary>A chart fragment.</summary>
    public sealed record Chart(ChartHtml Rendered) : PageBlock;

    public static implicit operator PageBlock(string markdown) => new Markdown(markdown);
    public static implicit operator PageBlock(ChartHtml chart) => new Chart(chart);
}

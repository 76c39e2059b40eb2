using System.Net;
using System.Text;
using Dssm.Research.Reporting;
using Markdig;
using Microsoft.DotNet.Interactive.Documents;

namespace Dssm.Notebooks;

/// <summary>
/// An executed notebook as one self-contained HTML page: markdown rendered, code shown, outputs
/// (HTML charts and tables, text, errors) in place, and plotly.js embedded — taken from Plotly.NET's
/// own bundle — so that the charts draw offline. Or, with a script file name, the page loads plotly.js
/// from that file beside it (<see cref="NotebookRunOptions.SharedPlotlyJs"/>).
/// </summary>
public static class NotebookHtml
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    static readonly Lazy<(string Name, string Script)> Bundle = new(() =>
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return (resource["Plotly.NET.".Length..], reader.ReadToEnd());
    });

    /// <summary>The file name of Plotly.NET's plotly.js bundle, e.g. <c>plotly-2.27.1.min.js</c>.</summary>
    public static string PlotlyJsFileName => Bundle.Value.Name;

    /// <summary>The plotly.js bundle itself (about 3.5 MB).</summary>
    public static string PlotlyJs => Bundle.Value.Script;

    /// <summary>The page; with <paramref name="plotlyJsFile"/>, it loads plotly.js from that file (relative to the page) instead of embedding it.</summary>
    public static string Render(string title, InteractiveDocument executed, IReadOnlyList<CellResult> cells, bool quick, string? plotlyJsFile = null)
    {
        var body = new StringBuilder();
        var failed = cells.FirstOrDefault(c => c.Error is not null);
        var seconds = cells.Sum(c => c.Elapsed.TotalSeconds);
        body.Append("<p class=\"run\">").Append(quick ? "Quick mode" : "Full mode").Append(", run ")
            .Append(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'")).Append($", {cells.Count} code cells in {seconds:0} s")
            .Append(failed is null ? ", every cell succeeded." : $", <strong>failed at cell {failed.Number}</strong>.").Append("</p>\n");
        foreach (var element in executed.Elements)
        {
            if (element.KernelName == "markdown")
            {
                body.AppendLine(Markdown.ToHtml(element.Contents, Pipeline));
                continue;
            }
            body.Append("<pre class=\"code\"><code>").Append(WebUtility.HtmlEncode(element.Contents)).AppendLine("</code></pre>");
            foreach (var output in element.Outputs)
                body.AppendLine(output switch
                {
                    DisplayElement d when d.Data.TryGetValue("text/html", out var h) => $"<div class=\"output\">{h}</div>",
                    DisplayElement d when d.Data.TryGetValue("text/plain", out var t) => $"<pre class=\"output\">{WebUtility.HtmlEncode(t?.ToString())}</pre>",
                    TextElement t => $"<pre class=\"output\">{WebUtility.HtmlEncode(t.Text)}</pre>",
                    ErrorElement e => $"<pre class=\"error\">{WebUtility.HtmlEncode(e.ErrorValue)}</pre>",
                    _ => "",
                });
        }
        return HtmlPage.Render(title,
            "pre { padding: .8em; overflow-x: auto; } pre.code { background: #f6f8fa; } pre.output { border-left: 3px solid #ccc; }\n" +
            "pre.error { background: #fff0f0; border-left: 3px solid #c00; } .run { color: #666; }",
            plotlyJsFile is null
                ? $"<script type=\"text/javascript\">{PlotlyJs.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)}</script>"
                : $"<script type=\"text/javascript\" src=\"{WebUtility.HtmlEncode(plotlyJsFile)}\"></script>",
            body.ToString());
    }
}

using System.Net;
using System.Text;
using Markdig;

namespace Dssm.Research.Reporting;

/// <summary>
/// Draws <see cref="ChartSpec"/>s with Plotly.NET and assembles self-contained HTML pages.
/// <para>
/// The same call works in the CLI (<c>dssm report</c>), in tests, and in every notebook host —
/// VS Code's Polyglot Notebooks, dotnet-repl, our runner — because Plotly.NET runs in a private
/// AssemblyLoadContext (see <c>PlotlyHost</c>): those hosts load FSharp.Core 10.0, Plotly.NET 6
/// needs 10.1. In a notebook a <see cref="ChartHtml"/> returned from a cell is shown as the chart
/// (the package's <c>interactive-extensions/dotnet/extension.dib</c> registers the formatter).
/// </para>
/// </summary>
public static class Charts
{
    static int counter;

    /// <summary>Draws a chart: the plotly.js figure built by Plotly.NET, wrapped in an HTML fragment.</summary>
    public static ChartHtml Render(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var figure = PlotlyHost.FigureJson(spec.ToJson()).Replace("</", "<\\/", StringComparison.Ordinal);
        var id = $"dssm-chart-{Environment.ProcessId:x}-{Interlocked.Increment(ref counter)}";
        var cdn = $"https://cdn.plot.ly/plotly-{PlotlyHost.PlotlyJsVersion()}.min";
        var html = $$"""
            <div id="{{id}}" class="dssm-chart"></div>
            <script type="text/javascript">
            (function () {
              var figure = {{figure}};
              var draw = function (P) { P.newPlot('{{id}}', figure.data, figure.layout, figure.config); };
              if (window.Plotly) { draw(window.Plotly); return; }
              if (typeof window.requirejs === 'function' && typeof window.requirejs.config === 'function') {
                window.requirejs.config({ paths: { plotly: '{{cdn}}' } });
                window.requirejs(['plotly'], function (P) { window.Plotly = P; draw(P); });
                return;
              }
              var s = document.getElementById('dssm-plotly-js');
              if (!s) { s = document.createElement('script'); s.id = 'dssm-plotly-js'; s.src = '{{cdn}}.js'; document.head.appendChild(s); }
              s.addEventListener('load', function () { draw(window.Plotly); });
            })();
            </script>
            """;
        return new ChartHtml(id, spec.Title, figure, html);
    }

    /// <summary>
    /// A fragment that embeds the whole plotly.js bundle (about 3.5 MB) that Plotly.NET ships: shown
    /// once at the top of a notebook, it lets the charts below draw without network access.
    /// </summary>
    public static string PlotlyScript() =>
        $"<script type=\"text/javascript\">{PlotlyHost.PlotlyJs().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)}</script>";

    /// <summary>The plotly.js version used by fragments and pages.</summary>
    public static string PlotlyJsVersion => PlotlyHost.PlotlyJsVersion();

    /// <summary>Plotly.NET, FSharp.Core (as loaded in the private context) and plotly.js versions.</summary>
    public static string BridgeVersions => PlotlyHost.Versions();

    /// <summary>
    /// A self-contained HTML page: <paramref name="title"/>, then the blocks in order (markdown,
    /// charts, raw HTML), with plotly.js embedded so that it opens offline.
    /// </summary>
    public static string Page(string title, params IEnumerable<PageBlock> blocks)
    {
        var body = new StringBuilder();
        foreach (var block in blocks)
            body.AppendLine(block switch
            {
                PageBlock.Markdown m => Markdown.ToHtml(m.Text, MarkdownPipeline),
                PageBlock.Html h => h.Content,
                PageBlock.Chart c => c.Rendered.Html,
                _ => throw new ArgumentException($"unknown page block {block.GetType().Name}"),
            });
        return HtmlPage.Render(title, "pre { background: #f6f8fa; padding: .8em; overflow-x: auto; } table { margin: 1em 0; } .dssm-chart { margin: 1em 0; }",
            PlotlyScript(), $"<h1>{WebUtility.HtmlEncode(title)}</h1>\n{body}");
    }

    static readonly MarkdownPipeline MarkdownPipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
}

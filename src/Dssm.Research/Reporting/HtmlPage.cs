using System.Net;

namespace Dssm.Research.Reporting;

/// <summary>
/// The HTML page of every report the kit writes — the experiment report (<c>Charts.Page</c>) and the executed
/// notebooks (Dssm.Notebooks' NotebookHtml, which compiles this file too: it must not reference the library): UTF-8,
/// the title, one shared style plus the page's own rules, a script in the head (plotly.js), the body.
/// </summary>
internal static class HtmlPage
{
    public static string Render(string title, string style, string headScript, string body) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{{WebUtility.HtmlEncode(title)}}</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; line-height: 1.5; }
        table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: right; } th { background: #f0f0f0; }
        {{style}}
        </style>
        {{headScript}}
        </head>
        <body>
        {{body}}
        </body>
        </html>
        """;
}

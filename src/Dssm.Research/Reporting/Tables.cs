using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;

namespace Dssm.Research.Reporting;

/// <summary>
/// DataFrames as HTML tables: what a notebook cell returning a <see cref="DataFrame"/> shows (the
/// package's extension.dib registers it) and what a report page embeds.
/// </summary>
public static class Tables
{
    /// <summary>An HTML table of the first <paramref name="maxRows"/> rows; numbers with 4 significant decimals.</summary>
    public static string ToHtml(DataFrame frame, int maxRows = 50)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var html = new StringBuilder("<table class=\"dssm-table\"><thead><tr>");
        foreach (var column in frame.Columns)
            html.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        var rows = Math.Min(frame.Rows.Count, maxRows);
        for (long r = 0; r < rows; r++)
        {
            html.Append("<tr>");
            foreach (var column in frame.Columns)
                html.Append("<td>").Append(WebUtility.HtmlEncode(Cell(column[r]))).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (frame.Rows.Count > maxRows)
            html.Append(CultureInfo.InvariantCulture, $"<p><em>{maxRows} of {frame.Rows.Count} rows shown.</em></p>");
        return html.ToString();
    }

    static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        float f => f.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

namespace Dssm.Research.Reporting;

/// <summary>
/// A rendered chart: an HTML fragment (a <c>div</c> and the script that draws <see cref="FigureJson"/>
/// into it) that works in three places. In a page made by <see cref="Charts.Page"/>, plotly.js is
/// already embedded and the fragment uses it. In a notebook (VS Code, Jupyter, the runner's .ipynb)
/// the fragment loads plotly.js from its CDN once, through require.js where the host has it.
/// <see cref="ToString"/> is the fragment, so it can be written straight into any HTML.
/// </summary>
public sealed record ChartHtml(string Id, string Title, string FigureJson, string Html)
{
    public override string ToString() => Html;
}

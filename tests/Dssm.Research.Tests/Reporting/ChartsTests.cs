using System.Runtime.Loader;
using System.Text.Json.Nodes;
using Dssm.Research.Reporting;
using Microsoft.Data.Analysis;

namespace Dssm.Research.Tests.Reporting;

public class ChartsTests
{
    static readonly LineChart Loss = new("Training loss", [
        new ChartSeries("train", [0, 1, 2], [1.0, 0.6, 0.4]),
        ChartSeries.FromValues("dev", [1.1, 0.8, 0.7]),
    ])
    { XTitle = "epoch", YTitle = "loss", Height = 300 };

    [Fact]
    public void A_line_chart_becomes_a_plotly_figure_with_its_traces_titles_and_size()
    {
        var figure = JsonNode.Parse(Charts.Render(Loss).FigureJson)!;
        var data = figure["data"]!.AsArray();
        Assert.Equal(2, data.Count);
        Assert.Equal("scatter", (string?)data[0]!["type"]);
        Assert.Equal("train", (string?)data[0]!["name"]);
        Assert.Equal([1.0, 0.6, 0.4], data[0]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("Training loss", (string?)figure["layout"]!["title"]!["text"]);
        Assert.Equal("epoch", (string?)figure["layout"]!["xaxis"]!["title"]!["text"]);
        Assert.Equal("loss", (string?)figure["layout"]!["yaxis"]!["title"]!["text"]);
        Assert.Equal(300, (int?)figure["layout"]!["height"]);
    }

    [Fact]
    public void Bar_scatter_and_heatmap_specs_render()
    {
        var bar = Charts.Render(new BarChart("NDCG", ["@1", "@3", "@10"], [new BarSeries("BM25", [.308, .373, .455]), new BarSeries("DSSM", [.362, .425, .498])]));
        Assert.Equal("bar", (string?)JsonNode.Parse(bar.FigureJson)!["data"]![0]!["type"]);
        var scatter = Charts.Render(new ScatterChart("Embeddings", [new ChartSeries("queries", [0, 1], [1, 0]) { Labels = ["q1", "q2"] }]));
        Assert.Equal("markers", (string?)JsonNode.Parse(scatter.FigureJson)!["data"]![0]!["mode"]);
        var heatmap = Charts.Render(new HeatmapChart("cos", ["d1", "d2"], ["q1"], [[0.9, 0.1]]));
        Assert.Equal("heatmap", (string?)JsonNode.Parse(heatmap.FigureJson)!["data"]![0]!["type"]);
    }

    [Fact]
    public void Series_of_unequal_length_is_an_error_that_names_the_series()
    {
        var e = Assert.ThrowsAny<Exception>(() => Charts.Render(new LineChart("bad", [new ChartSeries("short", [0, 1], [1])])));
        Assert.Contains("'short'", e.Message);
    }

    [Fact]
    public void A_spec_survives_a_json_round_trip()
    {
        var back = (LineChart)ChartSpec.FromJson(Loss.ToJson());
        Assert.Equal(Loss.Title, back.Title);
        Assert.Equal(Loss.XTitle, back.XTitle);
        Assert.Equal(Loss.Series[1].Y, back.Series[1].Y);
        Assert.Contains("\"kind\":\"line\"", Loss.ToJson());
    }

    [Fact]
    public void Plotly_net_and_its_fsharp_core_live_in_their_own_load_context()
    {
        Charts.Render(Loss);
        var bridge = AssemblyLoadContext.All.Single(c => c.Name == "Dssm.Research.Plotly");
        Assert.Contains(bridge.Assemblies, a => a.GetName().Name == "Plotly.NET");
        var fsharp = bridge.Assemblies.Single(a => a.GetName().Name == "FSharp.Core");
        Assert.Equal(10, fsharp.GetName().Version!.Major);
        Assert.True(fsharp.GetName().Version!.Minor >= 1, $"FSharp.Core {fsharp.GetName().Version} in the bridge context");
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "Plotly.NET");
        Assert.Contains("FSharp.Core 10.1", Charts.BridgeVersions);
    }

    [Fact]
    public void A_page_embeds_plotly_js_renders_markdown_and_keeps_blocks_in_order()
    {
        var page = Charts.Page("Report", "# Intro\n\nSome *text*.", Charts.Render(Loss), new PageBlock.Html("<p id=\"raw\">raw</p>"));
        Assert.Contains($"plotly.js v{Charts.PlotlyJsVersion}", page);
        Assert.Contains("<em>text</em>", page);
        var intro = page.IndexOf("Some <em>", StringComparison.Ordinal);
        var chart = page.IndexOf("class=\"dssm-chart\"", StringComparison.Ordinal);
        var raw = page.IndexOf("id=\"raw\"", StringComparison.Ordinal);
        Assert.True(intro < chart && chart < raw);
    }

    [Fact]
    public void A_dataframe_becomes_an_html_table_with_escaped_cells()
    {
        var frame = new DataFrame(new StringDataFrameColumn("model", ["BM25", "<DSSM>"]), new DoubleDataFrameColumn("ndcg@1", [0.308, 0.36219]));
        var html = Tables.ToHtml(frame);
        Assert.Contains("<th>ndcg@1</th>", html);
        Assert.Contains("<td>&lt;DSSM&gt;</td><td>0.3622</td>", html);
    }
}

public class ChartsNonFiniteTests
{
    [Fact]
    public void Non_finite_values_become_gaps_not_invalid_json()
    {
        // A diverging run's loss curve: NaN and infinity must not break the chart.
        var chart = Charts.Render(new LineChart("diverged", [new ChartSeries("loss", [0, 1, 2, 3], [1.0, double.NaN, double.PositiveInfinity, 0.5])]));
        var y = JsonNode.Parse(chart.FigureJson)!["data"]![0]!["y"]!.AsArray();
        Assert.Equal(4, y.Count);
        Assert.Null(y[1]);
        Assert.Null(y[2]);
        Assert.Equal(0.5, (double)y[3]!);
    }
}

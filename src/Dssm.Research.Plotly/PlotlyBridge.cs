using System.Reflection;
using System.Text.Json.Nodes;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Dssm.Research.Plotly;

/// <summary>
/// The string-in, string-out face of Plotly.NET that <c>Dssm.Research.Reporting.Charts</c> calls
/// across an AssemblyLoadContext boundary. Only <see cref="string"/> crosses it, so the caller
/// never sees a Plotly.NET or FSharp.Core type and the host's own FSharp.Core never matters.
/// </summary>
public static class PlotlyBridge
{
    /// <summary>
    /// Turns a chart spec (the JSON that <c>ChartSpec.ToJson()</c> writes: <c>kind</c>, <c>title</c>,
    /// <c>xTitle</c>, <c>yTitle</c>, <c>width</c>, <c>height</c> and per kind <c>series</c>,
    /// <c>categories</c>, <c>xLabels</c>/<c>yLabels</c>/<c>z</c>) into a plotly.js figure:
    /// <c>{"data": [...], "layout": {...}, "config": {...}}</c>. Plotly.NET builds the traces; the
    /// titles and size are set on the layout here so that every chart kind gets them the same way.
    /// </summary>
    public static string FigureJson(string specJson)
    {
        var spec = JsonNode.Parse(specJson)?.AsObject() ?? throw new ArgumentException("chart spec: empty JSON");
        var kind = Text(spec, "kind") ?? throw new ArgumentException("chart spec: 'kind' is missing");
        var chart = kind switch
        {
            "line" => Chart.Combine(Series(spec).Select(s =>
                Chart.Line<double, double, string>(s.X, s.Y, Name: s.Name, ShowMarkers: s.X.Length <= 50))),
            "scatter" => Chart.Combine(Series(spec).Select(s => s.Labels is null
                ? Chart.Point<double, double, string>(s.X, s.Y, Name: s.Name)
                : Chart.Point<double, double, string>(s.X, s.Y, Name: s.Name, MultiText: s.Labels))),
            "bar" => Chart.Combine(BarSeries(spec).Select(s =>
                Chart.Column<double, string, string>(s.Values, Keys: Strings(spec, "categories"), Name: s.Name))),
            "heatmap" => Chart.Heatmap<double, string, string, string>(
                Matrix(spec, "z"), X: Strings(spec, "xLabels"), Y: Strings(spec, "yLabels"),
                ColorScale: StyleParam.Colorscale.Viridis),
            _ => throw new ArgumentException($"chart spec: kind '{kind}' is not one of line, scatter, bar, heatmap"),
        };
        var figure = JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();
        foreach (var trace in figure["data"]!.AsArray().OfType<JsonObject>())
            foreach (var key in new[] { "x", "y", "z" })
                if (trace[key] is JsonArray values) NonFiniteToNull(values);
        var layout = figure["layout"] as JsonObject ?? new JsonObject();
        figure["layout"] = layout;
        if (Text(spec, "title") is { } title) layout["title"] = new JsonObject { ["text"] = title };
        SetAxisTitle(layout, "xaxis", Text(spec, "xTitle"));
        SetAxisTitle(layout, "yaxis", Text(spec, "yTitle"));
        if (spec["width"] is JsonValue w) layout["width"] = w.GetValue<int>();
        if (spec["height"] is JsonValue h) layout["height"] = h.GetValue<int>();
        if (kind == "bar") layout["barmode"] = "group";
        figure["config"] = new JsonObject { ["responsive"] = true };
        return figure.ToJsonString();
    }

    /// <summary>The plotly.js bundle shipped inside Plotly.NET (minified), for pages that must work offline.</summary>
    public static string PlotlyJs()
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The version of that bundle, e.g. 2.28.0.</summary>
    public static string PlotlyJsVersion() => Globals.PLOTLYJS_VERSION;

    /// <summary>Plotly.NET's and FSharp.Core's versions as loaded, for diagnostics.</summary>
    public static string Versions() =>
        $"Plotly.NET {Version(typeof(GenericChart).Assembly)}, FSharp.Core {Version(typeof(Microsoft.FSharp.Core.FSharpOption<int>).Assembly)}, plotly.js {Globals.PLOTLYJS_VERSION}";

    static string Version(Assembly a) =>
        a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? a.GetName().Version?.ToString() ?? "?";

    sealed record XySeries(string Name, double[] X, double[] Y, string[]? Labels);
    sealed record ValueSeries(string Name, double[] Values);

    static IEnumerable<XySeries> Series(JsonObject spec) => Items(spec, "series").Select((s, i) =>
    {
        var x = Numbers(s, "x");
        var y = Numbers(s, "y");
        if (x.Length != y.Length)
            throw new ArgumentException($"chart spec: series {i} ('{Text(s, "name")}') has {x.Length} x values and {y.Length} y values");
        return new XySeries(Text(s, "name") ?? $"series {i + 1}", x, y, s["labels"] is JsonArray ? Strings(s, "labels") : null);
    });

    static IEnumerable<ValueSeries> BarSeries(JsonObject spec) => Items(spec, "series").Select((s, i) =>
        new ValueSeries(Text(s, "name") ?? $"series {i + 1}", Numbers(s, "values")));

    static IEnumerable<JsonObject> Items(JsonObject o, string key) =>
        (o[key] as JsonArray ?? throw new ArgumentException($"chart spec: '{key}' is missing")).Select(n => n!.AsObject());

    static string? Text(JsonObject o, string key) => o[key] is JsonValue v ? v.GetValue<string>() : null;

    static double[] Numbers(JsonObject o, string key) =>
        (o[key] as JsonArray ?? throw new ArgumentException($"chart spec: '{key}' is missing")).Select(Number).ToArray();

    static string[] Strings(JsonObject o, string key) =>
        (o[key] as JsonArray ?? throw new ArgumentException($"chart spec: '{key}' is missing")).Select(n => n?.GetValue<string>() ?? "").ToArray();

    static double[][] Matrix(JsonObject o, string key) =>
        (o[key] as JsonArray ?? throw new ArgumentException($"chart spec: '{key}' is missing")).Select(row => row!.AsArray().Select(Number).ToArray()).ToArray();

    // The spec writes NaN and ±Infinity as strings (System.Text.Json's named literals).
    static double Number(JsonNode? n) => n switch
    {
        null => double.NaN,
        JsonValue v when v.TryGetValue<string>(out var text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        _ => n.GetValue<double>(),
    };

    // Plotly.NET (Newtonsoft) writes NaN and ±Infinity as strings; plotly.js draws a gap for null.
    static void NonFiniteToNull(JsonArray values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is JsonArray row) NonFiniteToNull(row);
            else if (values[i] is JsonValue v && v.TryGetValue<string>(out var text) && text is "NaN" or "Infinity" or "-Infinity") values[i] = null;
        }
    }

    static void SetAxisTitle(JsonObject layout, string axis, string? title)
    {
        if (title is null) return;
        var a = layout[axis] as JsonObject ?? new JsonObject();
        a["title"] = new JsonObject { ["text"] = title };
        layout[axis] = a;
    }
}

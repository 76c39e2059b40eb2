using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dssm.Research.Reporting;

/// <summary>
/// What a chart shows, independent of how it is drawn: a title, axis titles, optional size, and
/// per kind its data (<see cref="LineChart"/>, <see cref="ScatterChart"/>, <see cref="BarChart"/>,
/// <see cref="HeatmapChart"/>). <see cref="Charts.Render"/> draws it with Plotly.NET.
/// <para>
/// Why specs and not Plotly.NET charts in our public API: Plotly.NET 6 needs FSharp.Core 10.1, and
/// the notebook hosts (dotnet-interactive, dotnet-repl) already run on FSharp.Core 10.0. A spec is
/// plain data, so it serialises to JSON (<see cref="ToJson"/>), crosses into the private
/// AssemblyLoadContext where Plotly.NET lives, and can also be written next to a report.
/// </para>
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(LineChart), "line")]
[JsonDerivedType(typeof(ScatterChart), "scatter")]
[JsonDerivedType(typeof(BarChart), "bar")]
[JsonDerivedType(typeof(HeatmapChart), "heatmap")]
public abstract record ChartSpec(string Title)
{
    /// <summary>The x axis title, e.g. "epoch" or "γ".</summary>
    public string? XTitle { get; init; }

    /// <summary>The y axis title, e.g. "NDCG@10".</summary>
    public string? YTitle { get; init; }

    /// <summary>Width in pixels; null lets the chart fill its container.</summary>
    public int? Width { get; init; }

    /// <summary>Height in pixels; null uses plotly.js's default (450).</summary>
    public int? Height { get; init; }

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The spec as JSON, with a <c>kind</c> field (line, scatter, bar, heatmap).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a spec written by <see cref="ToJson"/>.</summary>
    public static ChartSpec FromJson(string json) =>
        JsonSerializer.Deserialize<ChartSpec>(json, JsonOptions) ?? throw new JsonException("chart spec: empty JSON");
}

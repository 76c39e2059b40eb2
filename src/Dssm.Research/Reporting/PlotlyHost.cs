using System.Reflection;
using System.Runtime.Loader;

namespace Dssm.Research.Reporting;

/// <summary>
/// Hosts the Plotly bridge (<c>src/Dssm.Research.Plotly</c>, its type <c>Dssm.Research.Plotly.PlotlyBridge</c>) and Plotly.NET
/// in a private <see cref="AssemblyLoadContext"/> and calls it with strings.
/// <para>
/// Why: Plotly.NET 6.0.0 is built against FSharp.Core 10.1.403, while dotnet-interactive 1.0.712001
/// (the engine behind VS Code's Polyglot Notebooks) and dotnet-repl 0.3.259 ship and load
/// FSharp.Core 10.0 into their default context; a plain <c>#r "nuget: Plotly.NET"</c> there fails.
/// An AssemblyLoadContext may hold its own copy of an assembly that the default context already
/// has, so the bridge (src/Dssm.Research.Plotly) and its dependencies are loaded from the folder
/// <c>plotly-bridge/</c>, which the build puts beside Dssm.Research.dll and the package puts at its
/// root. Only strings cross the boundary, so no Plotly.NET or FSharp.Core type ever meets the host's.
/// </para>
/// </summary>
internal static class PlotlyHost
{
    const string FolderName = "plotly-bridge";
    const string BridgeAssembly = "Dssm.Research.Plotly";
    static readonly Lazy<Loaded> Instance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string FigureJson(string specJson) => Instance.Value.FigureJson(specJson);
    public static string PlotlyJs() => Instance.Value.PlotlyJs.Value;
    public static string PlotlyJsVersion() => Instance.Value.PlotlyJsVersion;
    public static string Versions() => Instance.Value.Versions;
    public static string Folder => Instance.Value.Folder;

    sealed record Loaded(string Folder, Func<string, string> FigureJson, Lazy<string> PlotlyJs, string PlotlyJsVersion, string Versions);

    sealed class BridgeContext(string folder) : AssemblyLoadContext("Dssm.Research.Plotly", isCollectible: false)
    {
        // Anything present in the private folder (FSharp.Core 10.1, Plotly.NET, Newtonsoft.Json, …)
        // comes from there, even when the default context already has another version; the rest
        // (the framework) falls through to the default context.
        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }

    static Loaded Load()
    {
        var folder = Candidates().FirstOrDefault(d => File.Exists(Path.Combine(d, BridgeAssembly + ".dll")))
            ?? throw new FileNotFoundException(
                $"The Plotly bridge ({BridgeAssembly}.dll and Plotly.NET) was not found. Looked in: {string.Join(", ", Candidates())}. " +
                "It is built into bin/…/plotly-bridge/ by src/Dssm.Research and packed at the package root; set DSSM_PLOTLY_BRIDGE_DIR to override.");
        var context = new BridgeContext(folder);
        var assembly = context.LoadFromAssemblyPath(Path.Combine(folder, BridgeAssembly + ".dll"));
        var type = assembly.GetType("Dssm.Research.Plotly.PlotlyBridge", throwOnError: true)!;
        Func<string, string> figure = type.GetMethod("FigureJson")!.CreateDelegate<Func<string, string>>();
        Func<string> js = type.GetMethod("PlotlyJs")!.CreateDelegate<Func<string>>();
        Func<string> jsVersion = type.GetMethod("PlotlyJsVersion")!.CreateDelegate<Func<string>>();
        Func<string> versions = type.GetMethod("Versions")!.CreateDelegate<Func<string>>();
        return new Loaded(folder, figure, new Lazy<string>(js), jsVersion(), versions());
    }

    /// <summary>$DSSM_PLOTLY_BRIDGE_DIR; beside this assembly (builds); the package root (a restored package); the NuGet package folders.</summary>
    static IEnumerable<string> Candidates()
    {
        var explicitDir = Environment.GetEnvironmentVariable("DSSM_PLOTLY_BRIDGE_DIR");
        if (!string.IsNullOrEmpty(explicitDir)) yield return explicitDir;
        var here = Path.GetDirectoryName(typeof(PlotlyHost).Assembly.Location);
        if (!string.IsNullOrEmpty(here))
        {
            yield return Path.Combine(here, FolderName);
            // <packages>/dssm.research/<version>/lib/net10.0/Dssm.Research.dll -> <packages>/dssm.research/<version>/plotly-bridge
            yield return Path.GetFullPath(Path.Combine(here, "..", "..", FolderName));
        }
        yield return Path.Combine(AppContext.BaseDirectory, FolderName);
        var version = typeof(PlotlyHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        if (version is not null)
            foreach (var root in Runtime.TorchRuntime.PackageRoots())
                yield return Path.Combine(root, "dssm.research", version, FolderName);
    }
}

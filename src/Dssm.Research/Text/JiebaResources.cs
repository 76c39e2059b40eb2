using System.Reflection;
using JiebaNet.Segmenter;

namespace Dssm.Research.Text;

/// <summary>
/// jieba.NET reads its dictionary and HMM tables from files in
/// <see cref="ConfigManager.ConfigFileBaseDir"/> (by default <c>Resources/</c> beside the app), and its
/// NuGet package does not copy them there — a plain reference throws at the first <c>Cut</c>. This
/// library embeds the three files precise-mode <c>Cut</c> reads (<c>dict.txt</c>, <c>prob_trans.json</c>,
/// <c>prob_emit.json</c>; the POS tables, IDF and stop words are for features we do not use), writes
/// them once to a cache folder and points jieba there, so the CLI, the tests and a notebook that only
/// references the Dssm.Research package all segment Chinese.
/// </summary>
/// <remarks>
/// Must run before anything touches jieba's <c>WordDictionary</c>: jieba captures the dictionary path
/// in a static field at first use. <see cref="ChineseTokenizer"/> calls it for you. A folder already set
/// in <c>ConfigFileBaseDir</c> that holds the three files is respected; <c>DSSM_JIEBA_DIR</c> chooses
/// the cache folder (default: <c>~/.local/share/Dssm.Research/jieba.NET-&lt;version&gt;</c>, or the temp
/// folder when that is not writable). Thread-safe, and safe when several processes extract at once
/// (each file is written to a temporary name and renamed into place).
/// </remarks>
public static class JiebaResources
{
    /// <summary>The files jieba's precise-mode segmenter reads.</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["dict.txt", "prob_trans.json", "prob_emit.json"];

    private static readonly Lazy<string> Configured = new(Configure, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Extracts the files if needed, sets <see cref="ConfigManager.ConfigFileBaseDir"/>; returns that folder.</summary>
    public static string EnsureConfigured() => Configured.Value;

    private static string Configure()
    {
        var assembly = typeof(JiebaResources).Assembly;
        var current = ConfigManager.ConfigFileBaseDir;
        if (!string.IsNullOrEmpty(current) && HasAll(current, assembly)) return current;

        Exception? last = null;
        foreach (var folder in CandidateFolders())
        {
            try
            {
                Extract(folder, assembly);
                ConfigManager.ConfigFileBaseDir = folder;
                return folder;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                last = e;
            }
        }
        throw new IOException($"Could not extract jieba's dictionary ({string.Join(", ", FileNames)}) to any cache folder; set DSSM_JIEBA_DIR to a writable folder. Last error: {last?.Message}", last);
    }

    private static IEnumerable<string> CandidateFolders()
    {
        var version = typeof(JiebaSegmenter).Assembly.GetName().Version?.ToString() ?? "unknown";
        var name = $"jieba.NET-{version}";
        var fromEnvironment = Environment.GetEnvironmentVariable("DSSM_JIEBA_DIR");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) yield return Path.GetFullPath(fromEnvironment);
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (!string.IsNullOrEmpty(local)) yield return Path.Combine(local, "Dssm.Research", name);
        yield return Path.Combine(Path.GetTempPath(), "Dssm.Research", name);
    }

    private static bool HasAll(string folder, Assembly assembly)
    {
        foreach (var file in FileNames)
        {
            var path = Path.Combine(folder, file);
            using var resource = Open(assembly, file);
            if (!File.Exists(path) || new FileInfo(path).Length != resource.Length) return false;
        }
        return true;
    }

    private static void Extract(string folder, Assembly assembly)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in FileNames)
        {
            var path = Path.Combine(folder, file);
            using var resource = Open(assembly, file);
            if (File.Exists(path) && new FileInfo(path).Length == resource.Length) continue;
            var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            using (var output = File.Create(temporary)) resource.CopyTo(output);
            File.Move(temporary, path, overwrite: true);
        }
    }

    private static Stream Open(Assembly assembly, string file) =>
        assembly.GetManifestResourceStream($"Dssm.Research.Jieba.{file}")
        ?? throw new InvalidOperationException($"Embedded resource Dssm.Research.Jieba.{file} is missing from {assembly.GetName().Name}; the build did not find jieba.NET's Resources folder.");
}

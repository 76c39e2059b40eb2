using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Dssm.Research.Runtime;

/// <summary>
/// Loads TorchSharp's native libraries once per process, from the project's own packages, and tunes the process
/// for libtorch first. The parts: <see cref="NativeLoader"/> (Linux x64, CPU backend: libtorch and a patched
/// libLibTorchSharp by full path, never a system libtorch; elsewhere, and for CUDA, TorchSharp's own loader runs over
/// natives copied beside the app), <see cref="ProcessTuning"/> (OpenMP threads wait PASSIVE, malloc keeps freed memory:
/// on a shared CPU either would otherwise cost 5–20× and 6× in speed), <see cref="SetThreads"/>, and
/// <see cref="Devices"/> for <c>--device</c>.
/// </summary>
public static class TorchRuntime
{
    static readonly object Gate = new();
    static TorchEnvironment? loaded;

    internal static string Meta(string key) =>
        typeof(TorchRuntime).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value ?? "";

    /// <summary>The TorchSharp version the library was built against.</summary>
    public static string TorchSharpVersion => Meta("TorchSharpVersion");

    /// <summary>The libtorch package version the library was built against.</summary>
    public static string LibTorchVersion => Meta("LibTorchVersion");

    /// <summary>cpu or cuda: the backend chosen at build time (-p:TorchBackend=…).</summary>
    public static string Backend => Meta("TorchBackend");

    /// <summary>Loads the natives (idempotent, thread-safe) and returns what was loaded.</summary>
    public static TorchEnvironment Initialize()
    {
        lock (Gate)
        {
            if (loaded is not null) return loaded;
            var waitPolicy = ProcessTuning.PassiveOpenMp();
            var malloc = ProcessTuning.KeepFreedMemory();
            var native = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && Backend != "cuda" ? NativeLoader.Load() : null;
            torch.InitializeDeviceType(DeviceType.CPU);
            var cuda = Backend == "cuda" && torch.TryInitializeDeviceType(DeviceType.CUDA) && torch.cuda.is_available();
            loaded = new TorchEnvironment(Backend, TorchSharpVersion, LibTorchVersion, native?.LibTorchDirectory, native?.LibTorchSharpPath,
                native?.NativePatch ?? "not-linux", torch.get_num_threads(), waitPolicy, malloc, cuda, cuda ? torch.cuda.device_count() : 0,
                native?.LoadedBy ?? "TorchSharp's own loader");
            return loaded;
        }
    }

    /// <summary>GLIBC_TUNABLES for a process the kit starts (<c>dssm notebooks run</c>); see <see cref="ProcessTuning"/>.</summary>
    public const string MallocTunables = ProcessTuning.MallocTunables;

    /// <summary>Sets libtorch's intra-op thread count (0 or less leaves libtorch's default).</summary>
    public static void SetThreads(int threads)
    {
        Initialize();
        if (threads > 0) torch.set_num_threads(threads);
    }

    /// <summary>The NuGet package roots to search, most specific first.</summary>
    public static IReadOnlyList<string> PackageRoots() => NativeLoader.PackageRoots();
}

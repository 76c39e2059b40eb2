using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Dssm.Research.Runtime;

/// <summary>What <see cref="TorchRuntime.Initialize"/> found and loaded: printed by <c>dssm env</c>.</summary>
public sealed record TorchEnvironment(
    string Backend,
    string TorchSharpVersion,
    string LibTorchVersion,
    string? LibTorchDirectory,
    string? LibTorchSharpPath,
    string NativePatch,
    int Threads,
    string OmpWaitPolicy,
    string Malloc,
    bool CudaAvailable,
    int CudaDevices,
    string LoadedBy);

/// <summary>
/// Loads TorchSharp's native libraries once per process, from the project's own packages.
/// <para>
/// On Linux x64 the libtorch natives stay in the NuGet package folder (they are ~0.6 GB and are
/// never copied into bin/). We load them leaves first by full path (libc10, libtorch_cpu, libtorch,
/// then libLibTorchSharp), so that every later lookup by name matches an already-loaded soname and a
/// system <c>libtorch.so</c> (Debian's python3-torch puts a libtorch 1.13 on the loader path) is never
/// picked up. libLibTorchSharp.so is patched for old libstdc++ first (<see cref="ElfWeakVersions"/>).
/// Elsewhere, and for CUDA, TorchSharp's own loader runs over natives copied beside the app.
/// </para>
/// <para>
/// Before libtorch loads, OMP_WAIT_POLICY is set to PASSIVE unless the user set it (<see cref="PassiveOpenMp"/>):
/// libtorch's OpenMP threads otherwise spin between parallel regions, and on a CPU shared with other work
/// (a notebook kernel beside a build, two runs at once) the spinning threads take the cores from the ones
/// with work to do — training then runs 5–20× slower instead of about 2×. And glibc's malloc is told to keep
/// freed memory for reuse (<see cref="KeepFreedMemory"/>): libtorch's large CPU tensors otherwise come from fresh
/// mmap'd pages at every step, and the page faults cost more than the arithmetic (CDSSM: 6× slower).
/// </para>
/// </summary>
public static class TorchRuntime
{
    static readonly object Gate = new();
    static TorchEnvironment? loaded;
    static IntPtr libTorchSharpHandle;

    static string Meta(string key) =>
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
            var waitPolicy = PassiveOpenMp();
            var malloc = KeepFreedMemory();
            string? libDir = null, sharpPath = null, patch = "not-linux", by = "TorchSharp's own loader";
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && Backend != "cuda")
            {
                libDir = FindLibTorchDirectory() ?? throw new DllNotFoundException(
                    $"libtorch {LibTorchVersion} was not found. Looked in $DSSM_LIBTORCH_DIR, beside the app, and in the NuGet package folders " +
                    $"({string.Join(", ", PackageRoots())}) for libtorch-cpu-linux-x64/{LibTorchVersion}/runtimes/linux-x64/native. Run `dotnet restore`.");
                var original = FindLibTorchSharp() ?? throw new DllNotFoundException(
                    $"libLibTorchSharp.so of TorchSharp {TorchSharpVersion} was not found beside the app or in the NuGet package folders. Run `dotnet restore`.");
                var result = ElfWeakVersions.Ensure(original);
                patch = result.ToString();
                sharpPath = result.LibraryToLoad;
                foreach (var name in new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so" })
                    NativeLibrary.Load(Path.Combine(libDir, name));
                libTorchSharpHandle = NativeLibrary.Load(sharpPath);
                try
                {
                    NativeLibrary.SetDllImportResolver(typeof(torch).Assembly, (name, _, _) =>
                        name == "LibTorchSharp" ? libTorchSharpHandle : IntPtr.Zero);
                }
                catch (InvalidOperationException)
                {
                    // A host set its own resolver first; the soname preloads above still win.
                }
                by = "Dssm.Research.Runtime.TorchRuntime (full paths)";
            }
            torch.InitializeDeviceType(DeviceType.CPU);
            var cuda = Backend == "cuda" && torch.TryInitializeDeviceType(DeviceType.CUDA) && torch.cuda.is_available();
            loaded = new TorchEnvironment(Backend, TorchSharpVersion, LibTorchVersion, libDir, sharpPath, patch,
                torch.get_num_threads(), waitPolicy, malloc, cuda, cuda ? torch.cuda.device_count() : 0, by);
            return loaded;
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    static extern int SetEnv(string name, string value, int overwrite);

    [DllImport("libc", EntryPoint = "getenv")]
    static extern IntPtr GetEnv(string name);

    /// <summary>
    /// Sets OMP_WAIT_POLICY=PASSIVE in the native environment, where libtorch's OpenMP runtime (libgomp) reads it
    /// when it loads, unless the variable is already set; returns the value in effect. With the default (active)
    /// policy, OpenMP threads spin for a while after each parallel region. On an idle machine that saves a
    /// wake-up; on 2 cores shared with anything else the spinners steal the cores, and we measured DSSM training
    /// (300-300-128, 2 threads, the machine's load average ≈ 9) at 240–380 queries/s against 2,060–2,170 with
    /// PASSIVE — the "notebook trains 8× slower than the CLI" of issue #7. Must run before libtorch is loaded:
    /// .NET's <see cref="Environment.SetEnvironmentVariable(string, string?)"/> does not reach the C environment.
    /// </summary>
    static string PassiveOpenMp()
    {
        const string name = "OMP_WAIT_POLICY";
        if (OperatingSystem.IsWindows()) return Environment.GetEnvironmentVariable(name) ?? "(libtorch default)";
        var current = GetEnv(name);
        if (current != IntPtr.Zero) return Marshal.PtrToStringUTF8(current) ?? "";
        SetEnv(name, "PASSIVE", 0);
        Environment.SetEnvironmentVariable(name, "PASSIVE");
        return "PASSIVE";
    }

    /// <summary>
    /// The same malloc settings as <see cref="KeepFreedMemory"/>, plus one arena, as a GLIBC_TUNABLES value for a
    /// process started by the kit (<c>dssm notebooks run</c> gives it to the notebook runner). mallopt cannot move a
    /// thread that already has its own malloc arena, and a notebook's cells run on such a thread: there a ~60 MB
    /// tensor lives in a per-thread heap that glibc unmaps as soon as it is empty, so a CDSSM trained after another
    /// model in the same kernel ran at ~440 queries/s instead of ~930. With one arena every thread uses the main heap.
    /// </summary>
    public const string MallocTunables = "glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=1073741824";

    [DllImport("libc", EntryPoint = "mallopt")]
    static extern int MallOpt(int param, int value);

    /// <summary>
    /// On glibc, makes malloc serve every allocation from its heap and keep up to 1 GiB of freed memory there
    /// (mallopt M_MMAP_MAX = 0, M_TRIM_THRESHOLD = 1 GiB), unless the user tuned malloc (MALLOC_*_ or
    /// GLIBC_TUNABLES=glibc.malloc…). glibc serves blocks above 32 MB with a fresh mmap and unmaps them on free,
    /// so each training step of a CDSSM (a (words, 900) float tensor of ~60 MB, its gradient, their copies) faulted
    /// in and zeroed new pages: on a 2-core VM one step took 790 ms, of which 80 % in the kernel; with the heap kept,
    /// 123 ms, same peak memory (≈ 0.95 GB), same numbers (only where the memory comes from changes). DSSM training
    /// gains 15–20 %. The cost: the process keeps its peak heap instead of handing it back between steps.
    /// Returns what was done, for <c>dssm env</c>.
    /// </summary>
    static string KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return "system default";
        var env = Environment.GetEnvironmentVariables().Keys.Cast<string>().ToList();
        if (env.Any(k => k.StartsWith("MALLOC_", StringComparison.Ordinal) && k.EndsWith('_'))
            || (Environment.GetEnvironmentVariable("GLIBC_TUNABLES") ?? "").Contains("glibc.malloc", StringComparison.Ordinal))
            return "as set by the environment (MALLOC_*_ / GLIBC_TUNABLES)";
        const int M_TRIM_THRESHOLD = -1, M_MMAP_MAX = -4;
        try
        {
            return MallOpt(M_MMAP_MAX, 0) == 1 && MallOpt(M_TRIM_THRESHOLD, 1 << 30) == 1
                ? "heap kept (M_MMAP_MAX 0, M_TRIM_THRESHOLD 1 GiB)"
                : "system default (mallopt refused)";
        }
        catch (EntryPointNotFoundException)
        {
            return "system default (not glibc)";
        }
    }

    /// <summary>Sets libtorch's intra-op thread count (0 or less leaves libtorch's default).</summary>
    public static void SetThreads(int threads)
    {
        Initialize();
        if (threads > 0) torch.set_num_threads(threads);
    }

    /// <summary>Turns a user's choice into a device. <c>cuda</c> on a machine without one is an error, not a silent fallback.</summary>
    public static torch.Device ResolveDevice(DeviceChoice choice)
    {
        var env = Initialize();
        return choice switch
        {
            DeviceChoice.Cpu => torch.CPU,
            DeviceChoice.Cuda when env.CudaAvailable => torch.CUDA,
            DeviceChoice.Cuda => throw new InvalidOperationException(
                env.Backend == "cuda"
                    ? "--device cuda was asked for, but libtorch reports no usable CUDA device on this machine."
                    : "--device cuda was asked for, but this build uses the CPU backend. Rebuild with -p:TorchBackend=cuda (see README, 'Switching to CUDA')."),
            _ => env.CudaAvailable ? torch.CUDA : torch.CPU,
        };
    }

    /// <summary>Parses auto|cpu|cuda, case-insensitively.</summary>
    public static DeviceChoice ParseDevice(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => DeviceChoice.Auto,
        "cpu" => DeviceChoice.Cpu,
        "cuda" or "gpu" => DeviceChoice.Cuda,
        _ => throw new ArgumentException($"device '{text}' is not one of auto, cpu, cuda"),
    };

    /// <summary>The NuGet package roots to search, most specific first.</summary>
    public static IReadOnlyList<string> PackageRoots()
    {
        var roots = new List<string>();
        // TorchSharp.dll loaded from <root>/torchsharp/<v>/lib/<tfm>/ (notebook kernels, package use).
        var sharp = Path.GetDirectoryName(typeof(torch).Assembly.Location);
        if (!string.IsNullOrEmpty(sharp) && sharp.Replace('\\', '/').Contains("/torchsharp/", StringComparison.OrdinalIgnoreCase))
            roots.Add(Path.GetFullPath(Path.Combine(sharp, "..", "..", "..", "..")));
        var env = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrEmpty(env)) roots.Add(env);
        var baked = Meta("NuGetPackageRoot");
        if (!string.IsNullOrEmpty(baked)) roots.Add(baked);
        roots.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));
        return roots.Select(r => Path.GetFullPath(r)).Distinct().ToList();
    }

    static string? FindLibTorchDirectory()
    {
        var candidates = new List<string>();
        var explicitDir = Environment.GetEnvironmentVariable("DSSM_LIBTORCH_DIR");
        if (!string.IsNullOrEmpty(explicitDir)) candidates.Add(explicitDir);
        candidates.Add(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native"));
        candidates.Add(AppContext.BaseDirectory);
        candidates.AddRange(PackageRoots().Select(r => Path.Combine(r, "libtorch-cpu-linux-x64", LibTorchVersion, "runtimes", "linux-x64", "native")));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "libtorch_cpu.so")));
    }

    static string? FindLibTorchSharp()
    {
        var candidates = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native"),
            AppContext.BaseDirectory,
        };
        candidates.AddRange(PackageRoots().Select(r => Path.Combine(r, "torchsharp", TorchSharpVersion, "runtimes", "linux-x64", "native")));
        return candidates.Select(d => Path.Combine(d, "libLibTorchSharp.so")).FirstOrDefault(File.Exists);
    }
}

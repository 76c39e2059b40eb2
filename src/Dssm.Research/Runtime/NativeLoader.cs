using System.Runtime.InteropServices;
using TorchSharp;

namespace Dssm.Research.Runtime;

/// <summary>
/// Loads libtorch and libLibTorchSharp on Linux x64 (CPU backend) by full path, from the project's own packages: leaves
/// first (libc10, libtorch_cpu, libtorch), then libLibTorchSharp patched for an old libstdc++ (<see cref="ElfWeakVersions"/>),
/// so that every later lookup by name matches an already-loaded soname and a system <c>libtorch.so</c> (Debian's
/// python3-torch puts a libtorch 1.13 on the loader path) is never picked up.
/// </summary>
internal static class NativeLoader
{
    static IntPtr libTorchSharpHandle;

    /// <summary>What was loaded from where, for <see cref="TorchEnvironment"/>.</summary>
    public sealed record Loaded(string LibTorchDirectory, string LibTorchSharpPath, string NativePatch, string LoadedBy);

    /// <exception cref="DllNotFoundException">libtorch or libLibTorchSharp of the versions built against is not found; the message says where it looked.</exception>
    public static Loaded Load()
    {
        var libDir = FindLibTorchDirectory() ?? throw new DllNotFoundException(
            $"libtorch {TorchRuntime.LibTorchVersion} was not found. Looked in $DSSM_LIBTORCH_DIR, beside the app, and in the NuGet package folders " +
            $"({string.Join(", ", PackageRoots())}) for libtorch-cpu-linux-x64/{TorchRuntime.LibTorchVersion}/runtimes/linux-x64/native. Run `dotnet restore`.");
        var original = FindLibTorchSharp() ?? throw new DllNotFoundException(
            $"libLibTorchSharp.so of TorchSharp {TorchRuntime.TorchSharpVersion} was not found beside the app or in the NuGet package folders. Run `dotnet restore`.");
        var result = ElfWeakVersions.Ensure(original);
        foreach (var name in new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so" })
            NativeLibrary.Load(Path.Combine(libDir, name));
        libTorchSharpHandle = NativeLibrary.Load(result.LibraryToLoad);
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(torch).Assembly, (name, _, _) =>
                name == "LibTorchSharp" ? libTorchSharpHandle : IntPtr.Zero);
        }
        catch (InvalidOperationException)
        {
            // A host set its own resolver first; the soname preloads above still win.
        }
        return new Loaded(libDir, result.LibraryToLoad, result.ToString(), "Dssm.Research.Runtime.TorchRuntime (full paths)");
    }

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
        var baked = TorchRuntime.Meta("NuGetPackageRoot");
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
        candidates.AddRange(PackageRoots().Select(r => Path.Combine(r, "libtorch-cpu-linux-x64", TorchRuntime.LibTorchVersion, "runtimes", "linux-x64", "native")));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "libtorch_cpu.so")));
    }

    static string? FindLibTorchSharp()
    {
        var candidates = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native"),
            AppContext.BaseDirectory,
        };
        candidates.AddRange(PackageRoots().Select(r => Path.Combine(r, "torchsharp", TorchRuntime.TorchSharpVersion, "runtimes", "linux-x64", "native")));
        return candidates.Select(d => Path.Combine(d, "libLibTorchSharp.so")).FirstOrDefault(File.Exists);
    }
}

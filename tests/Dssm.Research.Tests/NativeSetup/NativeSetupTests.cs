using System.Diagnostics;
using Dssm.Research.Runtime;

namespace Dssm.Research.Tests.NativeSetup;

/// <summary>The Debian 12 trap (GLIBCXX_3.4.32), loading our own libtorch, and the backend switch.</summary>
public class NativeSetupTests : IDisposable
{
    readonly string temp = Path.Combine(Path.GetTempPath(), "dssm-native-" + Guid.NewGuid().ToString("N"));
    public NativeSetupTests() { Directory.CreateDirectory(temp); TorchRuntime.Initialize(); }
    public void Dispose() => Directory.Delete(temp, true);

    static string PackageFile(string package, string version, string file) =>
        TorchRuntime.PackageRoots().Select(r => Path.Combine(r, package, version, "runtimes", "linux-x64", "native", file)).First(File.Exists);

    static string Repo([System.Runtime.CompilerServices.CallerFilePath] string here = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    [LinuxFact]
    public void LibTorchSharp_asks_for_GLIBCXX_3_4_32_and_make_weak_flags_exactly_that_once()
    {
        var bytes = File.ReadAllBytes(PackageFile("torchsharp", TorchRuntime.TorchSharpVersion, "libLibTorchSharp.so"));
        var need = ElfWeakVersions.VersionNeeds(bytes).Single(n => n.Name == "GLIBCXX_3.4.32");
        Assert.Equal("libstdc++.so.6", need.File);
        Assert.False(need.Weak);
        var original = (byte[])bytes.Clone();
        Assert.Equal(1, ElfWeakVersions.MakeWeak(bytes, ["GLIBCXX_3.4.32"]));
        Assert.True(ElfWeakVersions.VersionNeeds(bytes).Single(n => n.Name == "GLIBCXX_3.4.32").Weak);
        Assert.Equal(1, bytes.Zip(original).Count(p => p.First != p.Second)); // one flag byte, nothing else
        Assert.Equal(0, ElfWeakVersions.MakeWeak(bytes, ["GLIBCXX_3.4.32"]));   // idempotent
    }

    [LinuxFact]
    public void Ensure_patches_only_when_the_system_libstdcxx_lacks_a_version_and_is_idempotent()
    {
        var library = PackageFile("torchsharp", TorchRuntime.TorchSharpVersion, "libLibTorchSharp.so");
        var system = ElfWeakVersions.SystemLibStdCxx()!;
        var provided = ElfWeakVersions.VersionDefinitions(File.ReadAllBytes(system));
        var first = ElfWeakVersions.Ensure(library, temp);
        if (provided.Contains("GLIBCXX_3.4.32"))
        {
            Assert.Equal("not-needed", first.Action);          // a newer distribution: the package file is used as is
            Assert.Equal(library, first.LibraryToLoad);
            return;
        }
        Assert.Equal("patched", first.Action);                 // Debian 12: libstdc++ stops at 3.4.30
        Assert.Contains("GLIBCXX_3.4.32", first.Weakened);
        Assert.StartsWith(temp, first.LibraryToLoad);
        var second = ElfWeakVersions.Ensure(library, temp);
        Assert.Equal("already-patched", second.Action);
        Assert.Equal(first.LibraryToLoad, second.LibraryToLoad);
        // A library whose needs the system satisfies is left alone.
        var c10 = PackageFile("libtorch-cpu-linux-x64", TorchRuntime.LibTorchVersion, "libc10.so");
        Assert.Equal("not-needed", ElfWeakVersions.Ensure(c10, temp).Action);
    }

    [LinuxFact]
    public void A_foreign_libtorch_on_the_loader_path_is_not_picked_up()
    {
        // A decoy libtorch.so (zlib renamed) first on LD_LIBRARY_PATH; if the loader resolved libtorch by name it
        // would bind to it and fail. Debian's python3-torch, when installed, sits on the default path as well.
        var decoys = Path.Combine(temp, "decoys");
        Directory.CreateDirectory(decoys);
        var zlib = new[] { "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1" }.First(File.Exists);
        foreach (var name in new[] { "libtorch.so", "libtorch_cpu.so", "libc10.so" }) File.Copy(zlib, Path.Combine(decoys, name));
        var (code, output) = DssmCli.Run(["env"], new() { ["LD_LIBRARY_PATH"] = decoys });
        Assert.True(code == 0, output);
        Assert.Contains("libtorch-cpu-linux-x64", output);
        Assert.Contains("loaded by          Dssm.Research.Runtime.TorchRuntime", output);
    }

    [LinuxTheory]
    [InlineData("cpu", "TorchSharp;libtorch-cpu-linux-x64", "TorchSharp-cuda-linux")]
    [InlineData("cuda", "TorchSharp-cuda-linux", "libtorch-cpu-linux-x64")]
    public void The_backend_switch_picks_the_packages_without_restoring_them(string backend, string expected, string absent)
    {
        var psi = new ProcessStartInfo("dotnet", ["msbuild", Path.Combine(Repo(), "src", "Dssm.Research", "Dssm.Research.csproj"), "-getItem:PackageReference", $"-p:TorchBackend={backend}"])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, output);
        foreach (var package in expected.Split(';')) Assert.Contains($"\"Identity\": \"{package}\"", output);
        Assert.DoesNotContain($"\"Identity\": \"{absent}\"", output);
    }
}

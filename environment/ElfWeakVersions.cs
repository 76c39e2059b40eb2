// Shared by the build (environment/Native.targets compiles this file as an MSBuild inline task)
// and by the library (src/Dssm.Research links it, with DSSM_LIBRARY defined), so that the CLI, the
// tests and a notebook kernel that only restored our package all get the same fix.
//
// Why: TorchSharp 0.107.0's libLibTorchSharp.so lists GLIBCXX_3.4.32 in .gnu.version_r (for one
// symbol, _ZSt21ios_base_library_initv), and Debian 12's libstdc++ stops at GLIBCXX_3.4.30, so the
// dynamic loader refuses the library and `torch` throws TypeInitializationException. A version
// requirement flagged VER_FLG_WEAK only produces a warning when missing, and the library then runs.
// We never touch the package's file: we write a patched copy into a cache folder keyed by the
// original's hash, and only when the system libstdc++ really lacks a required version.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

#if DSSM_LIBRARY
namespace Dssm.Research.Runtime
{
#endif

/// <summary>Outcome of <see cref="ElfWeakVersions.Ensure"/>: which file to load and why.</summary>
public sealed class ElfPatchResult
{
    public ElfPatchResult(string libraryToLoad, string action, IReadOnlyList<string> weakened)
    {
        LibraryToLoad = libraryToLoad; Action = action; Weakened = weakened;
    }
    /// <summary>The original when nothing was missing, else the patched copy.</summary>
    public string LibraryToLoad { get; }
    /// <summary>One of: not-needed, patched, already-patched, not-linux.</summary>
    public string Action { get; }
    /// <summary>The version names that were (or had been) made weak.</summary>
    public IReadOnlyList<string> Weakened { get; }
    public override string ToString() => Weakened.Count == 0
        ? $"{Action}: {LibraryToLoad}"
        : $"{Action}: {string.Join(", ", Weakened)} made weak in {LibraryToLoad}";
}

/// <summary>Reads and edits the GNU symbol-versioning sections of ELF64 little-endian files.</summary>
public static class ElfWeakVersions
{
    const uint ShtGnuVerdef = 0x6ffffffd;
    const uint ShtGnuVerneed = 0x6ffffffe;
    const ushort VerFlgWeak = 0x2;

    /// <summary>
    /// Makes sure <paramref name="library"/> can load against this machine's libstdc++: returns the
    /// original when every version it needs from libstdc++ is defined there, else a cached copy
    /// whose missing requirements are weak (written once; later calls reuse it).
    /// </summary>
    public static ElfPatchResult Ensure(string library, string? cacheDirectory = null, string? systemLibStdCxx = null)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            return new ElfPatchResult(library, "not-linux", Array.Empty<string>());
        var system = systemLibStdCxx ?? SystemLibStdCxx();
        if (system is null)
            return new ElfPatchResult(library, "not-needed", Array.Empty<string>());
        var bytes = File.ReadAllBytes(library);
        var provided = new HashSet<string>(VersionDefinitions(File.ReadAllBytes(system)));
        var missing = VersionNeeds(bytes)
            .Where(n => n.File.StartsWith("libstdc++", StringComparison.Ordinal) && !n.Weak && !provided.Contains(n.Name))
            .Select(n => n.Name).Distinct().ToList();
        if (missing.Count == 0)
            return new ElfPatchResult(library, "not-needed", Array.Empty<string>());

        string hash;
        using (var sha = SHA256.Create())
            hash = BitConverter.ToString(sha.ComputeHash(bytes)).Replace("-", "").Substring(0, 16).ToLowerInvariant();
        var dir = Path.Combine(cacheDirectory ?? DefaultCacheDirectory(), hash);
        var target = Path.Combine(dir, Path.GetFileName(library));
        if (File.Exists(target))
        {
            var existing = VersionNeeds(File.ReadAllBytes(target));
            if (missing.All(m => existing.Any(n => n.Name == m && n.Weak)))
                return new ElfPatchResult(target, "already-patched", missing);
        }
        MakeWeak(bytes, missing);
        Directory.CreateDirectory(dir);
        var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temp, bytes);
        if (File.Exists(target)) File.Delete(target);
        File.Move(temp, target);
        return new ElfPatchResult(target, "patched", missing);
    }

    /// <summary>$DSSM_NATIVE_CACHE, else $XDG_CACHE_HOME/dssm-research/native, else ~/.cache/…, else the temp folder.</summary>
    public static string DefaultCacheDirectory()
    {
        var explicitDir = Environment.GetEnvironmentVariable("DSSM_NATIVE_CACHE");
        if (!string.IsNullOrEmpty(explicitDir)) return explicitDir!;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var root = !string.IsNullOrEmpty(xdg) ? xdg! : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".cache") : Path.GetTempPath();
        return Path.Combine(root, "dssm-research", "native");
    }

    /// <summary>The libstdc++.so.6 the dynamic loader picks for this process, or null.</summary>
    public static string? SystemLibStdCxx()
    {
#if DSSM_LIBRARY
        NativeLibrary.TryLoad("libstdc++.so.6", out _);
#endif
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            var slash = line.IndexOf('/');
            if (slash < 0) continue;
            var path = line.Substring(slash);
            if (Path.GetFileName(path).StartsWith("libstdc++.so", StringComparison.Ordinal)) return path;
        }
        // Not mapped into this process (an MSBuild node): search as the dynamic loader would.
        var dirs = (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "").Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries)
            .Concat(new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib" });
        return dirs.Select(d => Path.Combine(d, "libstdc++.so.6")).FirstOrDefault(File.Exists);
    }

    /// <summary>A version requirement: the file it is asked from, the version name, and whether it is weak.</summary>
    public readonly struct VersionNeed
    {
        public VersionNeed(string file, string name, bool weak, int flagsOffset) { File = file; Name = name; Weak = weak; FlagsOffset = flagsOffset; }
        public string File { get; }
        public string Name { get; }
        public bool Weak { get; }
        public int FlagsOffset { get; }
        public override string ToString() => $"{File}:{Name}{(Weak ? " (weak)" : "")}";
    }

    /// <summary>Every entry of .gnu.version_r (SHT_GNU_verneed).</summary>
    public static List<VersionNeed> VersionNeeds(byte[] elf)
    {
        var result = new List<VersionNeed>();
        foreach (var (offset, size, link, info) in Sections(elf, ShtGnuVerneed))
        {
            var strtab = SectionAt(elf, link);
            var at = offset;
            for (var i = 0; i < info; i++)
            {
                var cnt = U16(elf, at + 2);
                var file = Str(elf, strtab, U32(elf, at + 4));
                var aux = at + (int)U32(elf, at + 8);
                for (var j = 0; j < cnt; j++)
                {
                    var flags = U16(elf, aux + 4);
                    result.Add(new VersionNeed(file, Str(elf, strtab, U32(elf, aux + 8)), (flags & VerFlgWeak) != 0, aux + 4));
                    aux += (int)U32(elf, aux + 12);
                }
                var next = U32(elf, at + 12);
                if (next == 0) break;
                at += (int)next;
            }
        }
        return result;
    }

    /// <summary>Every version name a shared library defines (.gnu.version_d, SHT_GNU_verdef).</summary>
    public static List<string> VersionDefinitions(byte[] elf)
    {
        var result = new List<string>();
        foreach (var (offset, size, link, info) in Sections(elf, ShtGnuVerdef))
        {
            var strtab = SectionAt(elf, link);
            var at = offset;
            for (var i = 0; i < info; i++)
            {
                var aux = at + (int)U32(elf, at + 12);
                result.Add(Str(elf, strtab, U32(elf, aux)));
                var next = U32(elf, at + 16);
                if (next == 0) break;
                at += (int)next;
            }
        }
        return result;
    }

    /// <summary>Sets VER_FLG_WEAK on the named requirements, in place. Returns how many changed.</summary>
    public static int MakeWeak(byte[] elf, IReadOnlyCollection<string> names)
    {
        var changed = 0;
        foreach (var need in VersionNeeds(elf))
        {
            if (need.Weak || !names.Contains(need.Name)) continue;
            var flags = (ushort)(U16(elf, need.FlagsOffset) | VerFlgWeak);
            elf[need.FlagsOffset] = (byte)flags;
            elf[need.FlagsOffset + 1] = (byte)(flags >> 8);
            changed++;
        }
        return changed;
    }

    static IEnumerable<(int Offset, int Size, int Link, int Info)> Sections(byte[] elf, uint type)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only 64-bit little-endian ELF files are supported");
        var shoff = (long)U64(elf, 0x28);
        var shentsize = U16(elf, 0x3A);
        var shnum = U16(elf, 0x3C);
        for (var i = 0; i < shnum; i++)
        {
            var sh = (int)(shoff + (long)i * shentsize);
            if (U32(elf, sh + 4) != type) continue;
            yield return ((int)U64(elf, sh + 0x18), (int)U64(elf, sh + 0x20), (int)U32(elf, sh + 0x28), (int)U32(elf, sh + 0x2C));
        }
    }

    static int SectionAt(byte[] elf, int index)
    {
        var shoff = (long)U64(elf, 0x28);
        var sh = (int)(shoff + (long)index * U16(elf, 0x3A));
        return (int)U64(elf, sh + 0x18);
    }

    static ushort U16(byte[] b, int at) => BitConverter.ToUInt16(b, at);
    static uint U32(byte[] b, int at) => BitConverter.ToUInt32(b, at);
    static ulong U64(byte[] b, int at) => BitConverter.ToUInt64(b, at);
    static string Str(byte[] b, int table, uint at)
    {
        var start = table + (int)at;
        var end = Array.IndexOf(b, (byte)0, start);
        return Encoding.ASCII.GetString(b, start, end - start);
    }
}

#if DSSM_LIBRARY
}
#else
/// <summary>The MSBuild face of <see cref="ElfWeakVersions.Ensure"/> (see environment/Native.targets).</summary>
public class DssmWeakenMissingVersions : Microsoft.Build.Utilities.Task
{
    [Microsoft.Build.Framework.Required] public string Library { get; set; } = "";
    public string? CacheDirectory { get; set; }

    public override bool Execute()
    {
        var result = ElfWeakVersions.Ensure(Library, string.IsNullOrEmpty(CacheDirectory) ? null : CacheDirectory);
        var importance = result.Action == "patched" ? Microsoft.Build.Framework.MessageImportance.High : Microsoft.Build.Framework.MessageImportance.Normal;
        Log.LogMessage(importance, "Dssm native set-up: " + (result.Action switch
        {
            "patched" => $"system libstdc++ lacks {string.Join(", ", result.Weakened)}; wrote {result.LibraryToLoad} with those requirements made weak (VER_FLG_WEAK).",
            "already-patched" => $"{result.LibraryToLoad} already has {string.Join(", ", result.Weakened)} weak; nothing to do.",
            _ => $"libLibTorchSharp.so needs no patch on this machine ({result.Action}).",
        }));
        return true;
    }
}
#endif

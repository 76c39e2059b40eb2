using System.Diagnostics;

namespace Dssm.Research.Tests.Reliability;

/// <summary>
/// A real, small filesystem for disk-full tests: a tmpfs of a given size mounted on a fresh temporary folder
/// (<c>mount -t tmpfs -o size=…</c>), unmounted on dispose. Needs Linux and root with CAP_SYS_ADMIN (CI's
/// Debian container runs as root); elsewhere <see cref="Unavailable"/> says why and the tests are skipped.
/// </summary>
sealed class TinyDisk : IDisposable
{
    public string Root { get; }

    public TinyDisk(long bytes, bool readOnly = false)
    {
        Root = Directory.CreateTempSubdirectory("dssm-tinydisk-").FullName;
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={bytes},mode=0755{(readOnly ? ",ro" : "")}", "tmpfs", Root);
        if (code != 0)
        {
            Directory.Delete(Root);
            throw new InvalidOperationException($"mount -t tmpfs on {Root} failed (exit {code}): {output.Trim()}");
        }
    }

    /// <summary>Bytes free on the disk now.</summary>
    public long Free => new DriveInfo(Root).AvailableFreeSpace;

    /// <summary>Fills the disk with a ballast file until a write fails with ENOSPC; returns the ballast's path.</summary>
    public string Fill()
    {
        var ballast = Path.Combine(Root, "ballast");
        using var file = new FileStream(ballast, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        var block = new byte[4096];
        try { while (true) file.Write(block); }
        catch (IOException) { }   // ENOSPC: the disk is full
        return ballast;
    }

    public void Dispose()
    {
        var (code, _) = Run("umount", Root);
        if (code != 0) Run("umount", "-l", Root);
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    /// <summary>Why a tiny disk cannot be mounted here (checked once), or null when it can.</summary>
    public static string? Unavailable => unavailable.Value;

    static readonly Lazy<string?> unavailable = new(() =>
    {
        if (!OperatingSystem.IsLinux()) return "tmpfs disks need Linux";
        try { using var probe = new TinyDisk(1 << 20); return null; }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return $"cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): {e.Message}";
        }
    });

    static (int Code, string Output) Run(string command, params string[] args)
    {
        var psi = new ProcessStartInfo(command, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }
}

/// <summary>A fact that needs a <see cref="TinyDisk"/>; skipped, with the reason, where none can be mounted.</summary>
sealed class TinyDiskFactAttribute : FactAttribute
{
    public TinyDiskFactAttribute() { if (TinyDisk.Unavailable is { } why) Skip = why; }
}

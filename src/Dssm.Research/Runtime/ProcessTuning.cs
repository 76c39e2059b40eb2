using System.Runtime.InteropServices;

namespace Dssm.Research.Runtime;

/// <summary>
/// Settings of the process that libtorch's speed depends on and that must be made before libtorch loads (or, for
/// malloc, before the large tensors come): OpenMP's wait policy and glibc malloc's treatment of freed memory.
/// Each leaves alone what the user set, and says what it did for <c>dssm env</c>.
/// </summary>
internal static class ProcessTuning
{
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
    /// PASSIVE — a notebook kernel trained 8× slower than the CLI. Must run before libtorch is loaded:
    /// .NET's <see cref="Environment.SetEnvironmentVariable(string, string?)"/> does not reach the C environment.
    /// </summary>
    public static string PassiveOpenMp()
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
    internal const string MallocTunables = "glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=1073741824";

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
    public static string KeepFreedMemory()
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
}

using Dssm.Research.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Dssm.Research.Tests.Runtime;

public class TorchRuntimeTests
{
    [Fact]
    public void Forward_and_backward_pass_runs_and_gives_the_analytic_gradient()
    {
        TorchRuntime.Initialize();
        using var scope = NewDisposeScope();
        // y = sum(w * x)^2 at w = [1, 2], x = [3, 4]: y = 121, dy/dw = 2 * 11 * x = [66, 88].
        var w = tensor(new float[] { 1, 2 }).requires_grad_();
        var x = tensor(new float[] { 3, 4 });
        var y = (w * x).sum().pow(2);
        y.backward();
        Assert.Equal(121f, y.item<float>());
        Assert.Equal(new float[] { 66, 88 }, w.grad!.data<float>().ToArray());
    }

    [LinuxFact]
    public void Libtorch_is_loaded_from_the_project_packages_not_the_loader_path()
    {
        var env = TorchRuntime.Initialize();
        Assert.NotNull(env.LibTorchDirectory);
        Assert.Contains($"libtorch-cpu-linux-x64", env.LibTorchDirectory!.Replace('\\', '/'));
        var maps = File.ReadAllLines("/proc/self/maps").Where(l => l.Contains("/libtorch")).Select(l => l[l.IndexOf('/')..]).Distinct().ToList();
        Assert.NotEmpty(maps);
        Assert.All(maps.Where(m => Path.GetFileName(m).StartsWith("libtorch", StringComparison.Ordinal) && !m.Contains("libtorchsharp", StringComparison.OrdinalIgnoreCase)),
            m => Assert.StartsWith(Path.GetFullPath(env.LibTorchDirectory!), m));
    }

    [UnixFact]
    public void OpenMp_threads_wait_passively_unless_the_user_chose_a_policy()
    {
        // Spinning OpenMP threads made training 5–20× slower on a shared 2-core machine (ProcessTuning.PassiveOpenMp).
        var env = TorchRuntime.Initialize();
        var user = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY");
        Assert.Equal(user ?? "PASSIVE", env.OmpWaitPolicy);
        Assert.Equal(env.OmpWaitPolicy, System.Runtime.InteropServices.Marshal.PtrToStringUTF8(CGetEnv("OMP_WAIT_POLICY")));
    }

    [Fact]
    public void Glibc_malloc_keeps_freed_memory_unless_the_user_tuned_it()
    {
        var env = TorchRuntime.Initialize();
        if (!OperatingSystem.IsLinux()) { Assert.Equal("system default", env.Malloc); return; }
        var tuned = Environment.GetEnvironmentVariables().Keys.Cast<string>().Any(k => k.StartsWith("MALLOC_") && k.EndsWith('_'))
            || (Environment.GetEnvironmentVariable("GLIBC_TUNABLES") ?? "").Contains("glibc.malloc");
        Assert.StartsWith(tuned ? "as set by the environment" : "heap kept", env.Malloc);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getenv")]
    static extern IntPtr CGetEnv(string name);

    [Theory]
    [InlineData("auto", DeviceChoice.Auto)]
    [InlineData("CPU", DeviceChoice.Cpu)]
    [InlineData(" cuda ", DeviceChoice.Cuda)]
    public void Device_names_parse(string text, DeviceChoice expected) => Assert.Equal(expected, Devices.Parse(text));

    [Fact]
    public void Unknown_device_is_a_clear_error()
    {
        var e = Assert.Throws<ArgumentException>(() => Devices.Parse("tpu"));
        Assert.Contains("auto, cpu, cuda", e.Message);
    }

    [Fact]
    public void Auto_picks_cpu_without_cuda_and_cuda_request_fails_clearly()
    {
        var env = TorchRuntime.Initialize();
        if (env.CudaAvailable) { Assert.Equal(DeviceType.CUDA, Devices.Resolve(DeviceChoice.Auto).type); return; }
        Assert.Equal(DeviceType.CPU, Devices.Resolve(DeviceChoice.Auto).type);
        var e = Assert.Throws<InvalidOperationException>(() => Devices.Resolve(DeviceChoice.Cuda));
        Assert.Contains("cuda", e.Message);
    }
}

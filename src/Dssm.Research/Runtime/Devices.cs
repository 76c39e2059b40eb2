using TorchSharp;

namespace Dssm.Research.Runtime;

/// <summary>The <c>--device</c> of every command: <see cref="DeviceChoice"/> from text, and the torch device it means on this machine.</summary>
public static class Devices
{
    /// <summary>Turns a user's choice into a device. <c>cuda</c> on a machine without one is an error, not a silent fallback.</summary>
    public static torch.Device Resolve(DeviceChoice choice)
    {
        var env = TorchRuntime.Initialize();
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
    public static DeviceChoice Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => DeviceChoice.Auto,
        "cpu" => DeviceChoice.Cpu,
        "cuda" or "gpu" => DeviceChoice.Cuda,
        _ => throw new ArgumentException($"device '{text}' is not one of auto, cpu, cuda"),
    };
}

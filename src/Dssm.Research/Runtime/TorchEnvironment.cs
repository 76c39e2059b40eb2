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

namespace Dssm.Research.Runtime;

/// <summary>Where tensors live: <c>auto</c> picks CUDA when libtorch reports a usable GPU, else CPU.</summary>
public enum DeviceChoice { Auto, Cpu, Cuda }

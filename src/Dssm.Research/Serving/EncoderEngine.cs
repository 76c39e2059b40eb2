namespace Dssm.Research.Serving;

/// <summary>What runs the towers when encoding (<c>dssm encode --engine torch | onnx</c>).</summary>
public enum EncoderEngine
{
    /// <summary>The trained TorchSharp model from the run folder (libtorch).</summary>
    Torch,
    /// <summary>The exported ONNX graphs on ONNX Runtime (<see cref="OnnxEncoder"/>); no libtorch needed.</summary>
    Onnx,
}

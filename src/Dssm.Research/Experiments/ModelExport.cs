using Dssm.Research.Runtime;
using Dssm.Research.Serving;
using Dssm.Research.Training;

namespace Dssm.Research.Experiments;

/// <summary><c>dssm export onnx --model RUN --out DIR</c>: loads the run's best weights on the CPU and writes <see cref="OnnxExport"/>'s files.</summary>
public static class ModelExport
{
    /// <exception cref="NotSupportedException">a CDSSM run (its convolution is not exported), or a tower too large for one ONNX file.</exception>
    public static IReadOnlyList<string> Onnx(string runDirectory, string outDirectory)
    {
        using var model = TrainedModel.Load(runDirectory, DeviceChoice.Cpu);
        return OnnxExport.Write(model.Model, model.Hasher, new RunFolder(model.RunDirectory), outDirectory);
    }
}

using Dssm.Research.Models;

namespace Dssm.Research.Serving;

/// <summary>
/// One DSSM tower's weights as plain arrays, row-major, the way the ONNX graph stores them: the hashed input layer
/// W1 (inputs × width, one row per n-gram id, as <c>EmbeddingBag</c> holds it) and its bias, then each
/// <c>Linear</c> layer (out × in, as libtorch holds it) with its bias, and the activation between them
/// (Huang et al. 2013, §3.1: l1 = f(W1·x + b1), li = f(Wi·l(i−1) + bi)).
/// </summary>
public sealed record TowerWeights(float[] Input, int Inputs, int Width, float[]? InputBias, IReadOnlyList<LinearWeights> Layers, Activation Activation)
{
    /// <summary>The size of the tower's output, the semantic vector y.</summary>
    public int Output => Layers.Count == 0 ? Width : Layers[^1].Out;

    /// <summary>Reads one tower of a DSSM (<see cref="DssmModel"/>) from its state dict: <c>{tower}.input.bag.weight</c>,
    /// <c>{tower}.input.bias</c>, <c>{tower}.layers.{i}.weight</c>, <c>{tower}.layers.{i}.bias</c>.</summary>
    /// <exception cref="NotSupportedException">the model is not a DSSM (CDSSM's convolution is not exported).</exception>
    public static TowerWeights Of(ISemanticModel model, string tower)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Kind != ModelKind.Dssm)
            throw new NotSupportedException($"export onnx handles the DSSM towers only; this run is a {model.Kind} model (its convolution and max-pooling are not exported)");
        var state = model.StateDict();
        float[] Read(string name, out long[] shape)
        {
            if (!state.TryGetValue(name, out var tensor)) throw new InvalidDataException($"the model has no tensor '{name}' (found: {string.Join(", ", state.Keys)})");
            using var cpu = tensor.detach().cpu().to_type(TorchSharp.torch.ScalarType.Float32).contiguous();
            shape = cpu.shape;
            return cpu.data<float>().ToArray();
        }
        var input = Read($"{tower}.input.bag.weight", out var inputShape);
        var inputBias = state.ContainsKey($"{tower}.input.bias") ? Read($"{tower}.input.bias", out _) : null;
        var layers = new List<LinearWeights>();
        for (var i = 0; state.ContainsKey($"{tower}.layers.{i}.weight"); i++)
        {
            var w = Read($"{tower}.layers.{i}.weight", out var shape);
            var b = Read($"{tower}.layers.{i}.bias", out _);
            layers.Add(new LinearWeights(w, (int)shape[0], (int)shape[1], b));
        }
        return new TowerWeights(input, (int)inputShape[0], (int)inputShape[1], inputBias, layers, ((TwoTowerModel)model).Options.Activation);
    }
}

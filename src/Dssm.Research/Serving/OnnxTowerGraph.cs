using System.Runtime.InteropServices;
using Dssm.Research.Models;
using Google.Protobuf;
using Onnx;

namespace Dssm.Research.Serving;

/// <summary>
/// A DSSM tower as an ONNX graph (opset 17), built with OnnxSharp's generated <c>onnx.proto</c> classes.
/// <para>
/// ONNX has no EmbeddingBag, so the sparse input is a padded pair of <c>(B, L)</c> tensors: <c>ids</c> (int64, the
/// featurizer's ids) and <c>weights</c> (float32, the counts; 0 on padding). The first layer is then
/// <c>Gather(W1, ids)</c> → (B, L, width) rows, and the weighted sum Σ weight·W1[id] of
/// <c>EmbeddingBag(mode: sum, per_sample_weights)</c> as one batched <c>MatMul</c> of the weights as a (B, 1, L) row
/// with those rows, + b1; padding adds 0·W1[0]. That is <c>ReduceSum(Mul(rows, weights), axis 1)</c> in one op: ONNX
/// Runtime reads the gathered rows once instead of writing and re-reading them for the Mul (measured: about 1.5× the
/// encoding throughput; see PERFORMANCE.md). Padded ids were chosen over <c>ScatterElements(reduction = "add")</c> on
/// flat ids because every runtime implements Gather and MatMul alike, and callers build two rectangular arrays instead
/// of offsets; the price is a (B, L, width) intermediate, so callers batch texts of similar length
/// (<see cref="OnnxEncoder"/> sorts by length). Then each Linear layer is <c>Gemm(transB = 1)</c> followed by the
/// /// activation, and the output <c>embedding</c> (B, D) is y / max(‖y‖₂, 1e-12) — <c>torch.nn.functional.normalize</c>,
/// so it equals the kit's unit vectors and R(Q, D) = cos(y_Q, y_D) is a dot product (Huang et al. 2013, §3.1).
/// </para>
/// </summary>
public static class OnnxTowerGraph
{
    /// <summary>The opset the graphs are written for (Unsqueeze and Squeeze take axes as an input, ReduceL2 as an attribute).</summary>
    public const int Opset = 17;

    /// <summary>ONNX IR version 8 (ONNX 1.13, which introduced opset 18; read by every runtime since 2022).</summary>
    public const long IrVersion = 8;

    public const string IdsInput = "ids", WeightsInput = "weights", EmbeddingOutput = "embedding";

    /// <summary>A protobuf message is at most 2 GiB; larger towers would need ONNX's external data files.</summary>
    const long MaxInitializerBytes = (1L << 31) - 1;

    /// <summary>The model proto of one tower; <paramref name="docString"/> says which tower of which run.</summary>
    /// <exception cref="NotSupportedException">the weights exceed the 2 GiB a single ONNX file holds.</exception>
    public static ModelProto Build(TowerWeights tower, string graphName, string docString, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tower);
        var bytes = 4L * (tower.Input.Length + tower.Layers.Sum(l => (long)l.Weight.Length + l.Bias.Length));
        if (bytes > MaxInitializerBytes)
            throw new NotSupportedException($"the tower holds {bytes / (1 << 20)} MiB of weights, more than the 2 GiB one ONNX file can hold; lower the vocabulary (--max-features) or the hashing buckets");
        var g = new GraphProto { Name = graphName, DocString = docString };
        g.Input.Add(TensorInfo(IdsInput, TensorProto.Types.DataType.Int64, "batch", "length"));
        g.Input.Add(TensorInfo(WeightsInput, TensorProto.Types.DataType.Float, "batch", "length"));
        g.Output.Add(TensorInfo(EmbeddingOutput, TensorProto.Types.DataType.Float, "batch", tower.Output.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        g.Initializer.Add(Floats("W1", tower.Input, tower.Inputs, tower.Width));
        g.Initializer.Add(Longs("axis1", 1));
        g.Node.Add(Node("Gather", ["W1", IdsInput], "rows", ("axis", 0L)));            // (B, L, width)
        g.Node.Add(Node("Unsqueeze", [WeightsInput, "axis1"], "row"));                 // (B, 1, L)
        g.Node.Add(Node("MatMul", ["row", "rows"], "bag_row"));                       // (B, 1, width) = Σ weight·W1[id]
        g.Node.Add(Node("Squeeze", ["bag_row", "axis1"], "bag"));                     // (B, width)
        var h = "bag";
        if (tower.InputBias is { } b1)
        {
            g.Initializer.Add(Floats("b1", b1, b1.Length));
            g.Node.Add(Node("Add", [h, "b1"], "l1_linear"));
            h = "l1_linear";
        }
        h = Activate(g, tower.Activation, h, "l1");
        for (var i = 0; i < tower.Layers.Count; i++)
        {
            var layer = tower.Layers[i];
            var name = $"l{i + 2}";
            g.Initializer.Add(Floats($"W{i + 2}", layer.Weight, layer.Out, layer.In));
            g.Initializer.Add(Floats($"b{i + 2}", layer.Bias, layer.Out));
            g.Node.Add(Node("Gemm", [h, $"W{i + 2}", $"b{i + 2}"], name + "_linear", ("transB", 1L)));   // (B, out) = h·Wᵀ + b
            h = Activate(g, tower.Activation, name + "_linear", name);
        }
        g.Initializer.Add(Floats("eps", [1e-12f]));
        g.Node.Add(Node("ReduceL2", [h], "norm", ("axes", new long[] { 1 }), ("keepdims", 1L)));   // (B, 1)
        g.Node.Add(Node("Max", ["norm", "eps"], "norm_clamped"));
        g.Node.Add(Node("Div", [h, "norm_clamped"], EmbeddingOutput));                          // (B, D), unit rows

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "Dssm.Research",
            ProducerVersion = typeof(OnnxTowerGraph).Assembly.GetName().Version?.ToString() ?? "0",
            DocString = docString,
            Graph = g,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model;
    }

    /// <summary>Writes the model proto's binary form.</summary>
    public static void Save(ModelProto model, string path)
    {
        using var stream = File.Create(path);
        model.WriteTo(stream);
    }

    /// <summary>The activation as ONNX nodes; GELU is the exact (erf) form libtorch's <c>gelu</c> computes.</summary>
    static string Activate(GraphProto g, Activation activation, string x, string name)
    {
        switch (activation)
        {
            case Activation.Tanh: g.Node.Add(Node("Tanh", [x], name)); return name;
            case Activation.Relu: g.Node.Add(Node("Relu", [x], name)); return name;
            case Activation.Identity: return x;
            case Activation.Gelu:
                if (!g.Initializer.Any(t => t.Name == "gelu_sqrt2"))
                {
                    g.Initializer.Add(Floats("gelu_sqrt2", [MathF.Sqrt(2)]));
                    g.Initializer.Add(Floats("gelu_one", [1f]));
                    g.Initializer.Add(Floats("gelu_half", [0.5f]));
                }
                g.Node.Add(Node("Div", [x, "gelu_sqrt2"], name + "_scaled"));
                g.Node.Add(Node("Erf", [name + "_scaled"], name + "_erf"));
                g.Node.Add(Node("Add", [name + "_erf", "gelu_one"], name + "_erf1"));
                g.Node.Add(Node("Mul", [x, name + "_erf1"], name + "_xerf"));
                g.Node.Add(Node("Mul", [name + "_xerf", "gelu_half"], name));   // 0.5·x·(1 + erf(x/√2))
                return name;
            default: throw new NotSupportedException($"activation {activation} has no ONNX form here");
        }
    }

    static NodeProto Node(string op, string[] inputs, string output, params (string Name, object Value)[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = output + "_" + op.ToLowerInvariant() };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        foreach (var (name, value) in attributes)
        {
            var a = new AttributeProto { Name = name };
            switch (value)
            {
                case long i: a.Type = AttributeProto.Types.AttributeType.Int; a.I = i; break;
                case long[] ints: a.Type = AttributeProto.Types.AttributeType.Ints; a.Ints.AddRange(ints); break;
                default: throw new ArgumentException($"attribute {name}: unsupported type {value.GetType()}");
            }
            node.Attribute.Add(a);
        }
        return node;
    }

    static ValueInfoProto TensorInfo(string name, TensorProto.Types.DataType type, params string[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
            shape.Dim.Add(long.TryParse(d, out var v) ? new TensorShapeProto.Types.Dimension { DimValue = v } : new TensorShapeProto.Types.Dimension { DimParam = d });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    /// <summary>A float32 initializer stored as raw little-endian bytes (ONNX's <c>raw_data</c>).</summary>
    static TensorProto Floats(string name, float[] values, params long[] dims)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("ONNX raw_data is little-endian; this writer assumes a little-endian machine");
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) };
        t.Dims.AddRange(dims.Length == 0 ? [] : dims);
        return t;
    }

    static TensorProto Longs(string name, params long[] values)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        t.Dims.Add(values.Length);
        t.Int64Data.AddRange(values);
        return t;
    }
}

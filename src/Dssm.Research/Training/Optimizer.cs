using Dssm.Research.Models;
using Dssm.Research.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dssm.Research.Training;

/// <summary>
/// Adam or SGD over a model's dense parameters and, row by row, its lazy input layers.
/// <para>
/// Adam keeps m and v for every parameter. For a lazy input layer only the rows a batch touched are read
/// and written (as PyTorch's SparseAdam: moments of untouched rows are left as they are, the step count is
/// global). On a row touched at every step this is exactly dense Adam; on other rows it skips the decay of
/// m and v that dense Adam applies with a zero gradient — the "lazy Adam" of TensorFlow Addons. SGD
/// (optionally with momentum 0) is identical in both forms.
/// </para>
/// All state is plain tensors, saved with the checkpoint for an exact resume.
/// <para>
/// Every number passed to a libtorch op is an explicit, disposed <see cref="Scalar"/>: an implicitly converted one
/// is garbage the moment its handle is read, and TorchSharp does not keep it alive through the native call, so a
/// collection at that instant frees it under libtorch ("Unknown scalar type", seen once in a full-mode notebook run).
/// </para>
/// </summary>
public sealed class Optimizer
{
    readonly OptimizerKind kind;
    readonly double beta1, beta2, epsilon, weightDecay;
    readonly IReadOnlyList<Parameter> dense;
    readonly IReadOnlyList<HashedInputLayer> lazy;
    readonly List<Tensor> m = new(), v = new();

    public Optimizer(OptimizerKind kind, IReadOnlyList<Parameter> dense, IReadOnlyList<HashedInputLayer> lazyLayers,
        double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0)
    {
        this.kind = kind; this.dense = dense; this.beta1 = beta1; this.beta2 = beta2; this.epsilon = epsilon; this.weightDecay = weightDecay;
        lazy = lazyLayers.Where(l => l.Lazy).ToList();
        if (kind == OptimizerKind.Adam)
            foreach (var p in dense.Concat(lazy.Select(l => (Parameter)l.Weight)))
            {
                m.Add(zeros_like(p).DetachFromDisposeScope());
                v.Add(zeros_like(p).DetachFromDisposeScope());
            }
    }

    /// <summary>Steps taken so far (Adam's t).</summary>
    public long Steps { get; private set; }

    /// <summary>Clears dense gradients and forgets gathered rows.</summary>
    public void ZeroGrad()
    {
        foreach (var p in dense) p.grad?.zero_();
        foreach (var l in lazy) l.ClearPending();
    }

    /// <summary>The gradients of this step, after backward: dense grads and the lazy layers' (rows, grad) pairs.</summary>
    public StepGradients Collect() => new(
        dense.Where(p => p.grad is not null).Select(p => p.grad!).ToList(),
        lazy.Select(l => l.TakePending()).ToList());

    /// <summary>Applies one update with learning rate <paramref name="lr"/>.</summary>
    public void Step(StepGradients grads, double lr)
    {
        using var _ = no_grad();
        Steps++;
        var c1 = 1 - Math.Pow(beta1, Steps);
        var c2 = 1 - Math.Pow(beta2, Steps);
        var fused = new CpuKernels.AdamStep((float)beta1, (float)beta2, (float)epsilon, (float)weightDecay, (float)lr, (float)c1, (float)c2);
        // The libtorch fallback (not float32 on the CPU, e.g. CUDA): its numbers as explicit scalars (see the class comment).
        using Scalar minusLr = -lr, b1 = beta1, b2 = beta2, a1 = 1 - beta1, a2 = 1 - beta2, s1 = c1, s2 = c2, eps = epsilon, wd = weightDecay;
        for (var i = 0; i < dense.Count; i++)
        {
            var p = dense[i];
            if (p.grad is not { } grad) continue;
            var adam = kind == OptimizerKind.Adam;
            if (adam ? CpuKernels.Applies(p, grad, m[i], v[i]) : CpuKernels.Applies(p, grad))
            {
                CpuKernels.Adam(p, adam ? m[i] : null, adam ? v[i] : null, grad, null, fused);
                continue;
            }
            using var scope = NewDisposeScope();
            var g = weightDecay > 0 ? grad + p.mul(wd) : grad;
            if (!adam) { p.add_(g, minusLr); continue; }
            m[i].mul_(b1).add_(g, a1);
            v[i].mul_(b2).addcmul_(g, g, a2);
            p.add_(m[i].div(s1).div(v[i].div(s2).sqrt_().add_(eps)), minusLr);
        }
        for (var j = 0; j < lazy.Count; j++)
        {
            if (grads.Lazy[j] is not { } rows) continue;
            var k = dense.Count + j;
            var adam = kind == OptimizerKind.Adam;
            // The rows are rows of the bag's (rows, width) view (HashedInputLayer.Pieces): w, m and v are viewed the same way.
            using var scope = NewDisposeScope();
            var w = lazy[j].AsRows(lazy[j].Weight);
            Tensor? mk = adam ? lazy[j].AsRows(m[k]) : null, vk = adam ? lazy[j].AsRows(v[k]) : null;
            if (rows.Rows.device_type == DeviceType.CPU && (adam ? CpuKernels.Applies(w, rows.Grad, mk!, vk!) : CpuKernels.Applies(w, rows.Grad)))
            {
                CpuKernels.Adam(w, mk, vk, rows.Grad.contiguous(), rows.Rows.data<long>().ToArray(), fused);
                continue;
            }
            // Elsewhere (CUDA): gather, update, scatter back with index_copy_ (index_add_ is slow with many rows).
            var wr = w.index_select(0, rows.Rows);
            var g = weightDecay > 0 ? rows.Grad + wr.mul(wd) : rows.Grad;
            if (!adam) { w.index_copy_(0, rows.Rows, wr.add_(g, minusLr)); continue; }
            var mr = mk!.index_select(0, rows.Rows).mul_(b1).add_(g, a1);
            var vr = vk!.index_select(0, rows.Rows).mul_(b2).addcmul_(g, g, a2);
            mk.index_copy_(0, rows.Rows, mr);
            vk.index_copy_(0, rows.Rows, vr);
            w.index_copy_(0, rows.Rows, wr.add_(mr.div(s1).div(vr.div(s2).sqrt_().add_(eps)), minusLr));
        }
    }

    /// <summary>Optimizer state as named tensors (for checkpoints).</summary>
    public Dictionary<string, Tensor> StateDict()
    {
        var state = new Dictionary<string, Tensor> { ["steps"] = tensor(new[] { Steps }) };
        for (var i = 0; i < m.Count; i++) { state[$"m.{i}"] = m[i]; state[$"v.{i}"] = v[i]; }
        return state;
    }

    /// <summary>Restores <see cref="StateDict"/>; shapes must match.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state, string source)
    {
        Steps = state.TryGetValue("steps", out var s) ? s.data<long>()[0] : throw new InvalidDataException($"{source}: optimizer state has no 'steps'");
        using var _ = no_grad();
        for (var i = 0; i < m.Count; i++)
        {
            foreach (var (name, target) in new[] { ($"m.{i}", m[i]), ($"v.{i}", v[i]) })
            {
                if (!state.TryGetValue(name, out var t)) throw new InvalidDataException($"{source}: optimizer state has no '{name}'");
                if (!t.shape.SequenceEqual(target.shape))
                    throw new InvalidDataException($"{source}: optimizer tensor '{name}' has shape [{string.Join(",", t.shape)}], the model needs [{string.Join(",", target.shape)}]");
                target.copy_(t);
            }
        }
    }
}

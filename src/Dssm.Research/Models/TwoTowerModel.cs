using static TorchSharp.torch;

namespace Dssm.Research.Models;

/// <summary>
/// What DSSM and CDSSM share: a query tower and a document tower (separate weights as in the papers, or one shared
/// tower with <see cref="DssmOptions.SharedTowers"/>), scored by cosine; only the tower differs. The towers are
/// registered by hand as "query" and "document" (a base class's private fields are invisible to
/// <c>RegisterComponents</c>, which reads the derived type), so checkpoints name them as they always have.
/// </summary>
public abstract class TwoTowerModel : nn.Module, ISemanticModel
{
    readonly ISemanticTower query;
    readonly ISemanticTower? document;

    /// <param name="tower">builds one tower from its name; called for "query", then (unless shared) "document" — the
    /// order in which a seeded model draws its initial weights.</param>
    protected TwoTowerModel(string name, DssmOptions options, Func<string, nn.Module> tower) : base(name)
    {
        Options = options;
        var q = tower("query");
        register_module("query", q);
        query = (ISemanticTower)q;
        if (options.SharedTowers) return;
        var d = tower("document");
        register_module("document", d);
        document = (ISemanticTower)d;
    }

    public DssmOptions Options { get; }
    public abstract ModelKind Kind { get; }
    public abstract bool ReadsWords { get; }
    public nn.Module Module => this;

    public Tensor Forward(ModelBatch batch, TextSide side) => (side == TextSide.Query || document is null ? query : document).Forward(batch);

    public IReadOnlyList<HashedInputLayer> InputLayers => document is null ? new[] { query.Input } : new[] { query.Input, document.Input };

    public IReadOnlyList<TorchSharp.Modules.Parameter> DenseParameters => parameters().Where(p => p.requires_grad).ToList();

    public Dictionary<string, Tensor> StateDict() => state_dict();
}

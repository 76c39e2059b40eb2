using static TorchSharp.torch;

namespace Dssm.Research.Models;

/// <summary>
/// The DSSM of Huang et al. (2013): a query tower and a document tower over word-hashed input
/// (separate weights as in the paper, or one shared tower), scored by cosine.
/// </summary>
public sealed class DssmModel : nn.Module, ISemanticModel
{
    readonly DssmTower query;
    readonly DssmTower? document;

    public DssmModel(int inputs, DssmOptions options) : base("dssm")
    {
        Options = options;
        query = new DssmTower("query", inputs, options);
        if (!options.SharedTowers) document = new DssmTower("document", inputs, options);
        RegisterComponents();
    }

    public DssmOptions Options { get; }
    public ModelKind Kind => ModelKind.Dssm;
    public bool ReadsWords => false;
    public nn.Module Module => this;

    public Tensor Forward(ModelBatch batch, TextSide side)
    {
        if (batch.Bags.Count != batch.Texts)
            throw new ArgumentException($"DSSM reads one bag per text: {batch.Bags.Count} bags for {batch.Texts} texts");
        var tower = side == TextSide.Query || document is null ? query : document;
        return tower.forward(SparseInput.From(batch.Bags, tower.Input.Weight.device));
    }

    public IReadOnlyList<HashedInputLayer> InputLayers => document is null ? new[] { query.Input } : new[] { query.Input, document.Input };

    public IReadOnlyList<TorchSharp.Modules.Parameter> DenseParameters => parameters().Where(p => p.requires_grad).ToList();

    public Dictionary<string, Tensor> StateDict() => state_dict();
}

namespace Dssm.Research.Models;

/// <summary>
/// The DSSM of Huang et al. (2013): a query tower and a document tower (<see cref="DssmTower"/>) over word-hashed
/// input, one bag of letter trigrams per text, scored by cosine.
/// </summary>
public sealed class DssmModel(int inputs, DssmOptions options)
    : TwoTowerModel("dssm", options, name => new DssmTower(name, inputs, options))
{
    public override ModelKind Kind => ModelKind.Dssm;
    public override bool ReadsWords => false;
}

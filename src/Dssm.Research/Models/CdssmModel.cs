namespace Dssm.Research.Models;

/// <summary>
/// The convolutional DSSM (CLSM) of Shen et al. (2014): each word is a letter-trigram vector; a sliding
/// window of <see cref="DssmOptions.Window"/> words (zero-padded at the ends) is projected by a convolution
/// to <see cref="DssmOptions.Convolution"/> features with tanh; max pooling over positions keeps the
/// strongest local feature; a semantic layer maps to the 128-d y. The window projection W_c (window·V →
/// C) is stored as one hashed input layer (V, window·C) read as its (V·window, C) rows: n-gram id at window
/// offset k is row id·window + k, and one bag per window position sums them (<see cref="CdssmTower"/>, <see cref="CdssmWindows"/>).
/// </summary>
public sealed class CdssmModel(int inputs, DssmOptions options)
    : TwoTowerModel("cdssm", options, name => new CdssmTower(name, inputs, options))
{
    public override ModelKind Kind => ModelKind.Cdssm;
    public override bool ReadsWords => true;
}

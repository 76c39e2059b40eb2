namespace Dssm.Research.Models;

/// <summary>The towers: named <c>dssm</c> and <c>cdssm</c> in configs and on the command line (<see cref="Text.OptionName"/>).</summary>
public enum ModelKind
{
    /// <summary><see cref="DssmModel"/>: a bag of letter trigrams through fully connected layers (Huang et al. 2013).</summary>
    Dssm,
    /// <summary><see cref="CdssmModel"/>: letter trigrams of word windows, convolution and max-pooling (Shen et al. 2014).</summary>
    Cdssm,
}

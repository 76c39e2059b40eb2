namespace Dssm.Research.Training;

/// <summary>Adam (Kingma &amp; Ba 2015; PyTorch DSSM implementations' default) or plain mini-batch SGD (the paper, §3.4).</summary>
public enum OptimizerKind { Adam, Sgd }

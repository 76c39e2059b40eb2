namespace Dssm.Research.Models;

/// <summary>The non-linearity of the towers. The paper uses tanh at every layer (Huang et al. 2013, §3.1).</summary>
public enum Activation { Tanh, Relu, Gelu, Identity }

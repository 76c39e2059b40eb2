namespace Dssm.Research.Serving;

/// <summary>A <c>Linear</c> layer's weight W (out × in, row-major, libtorch's layout: y = x·Wᵀ + b) and bias b (out).</summary>
public sealed record LinearWeights(float[] Weight, int Out, int In, float[] Bias);

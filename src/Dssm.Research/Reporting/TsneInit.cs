namespace Dssm.Research.Reporting;

/// <summary>How t-SNE places the points before the first step.</summary>
public enum TsneInit
{
    /// <summary>The first two principal components, scaled to a standard deviation of 1e-4: the global layout of PCA,
    /// and the same map for every seed (scikit-learn's default since 1.2).</summary>
    Pca,
    /// <summary>Gaussian noise with standard deviation 1e-4, drawn from the seed (the paper's start).</summary>
    Random,
}

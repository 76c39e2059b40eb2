namespace Dssm.Research.Models;

/// <summary>Builds a model of a <see cref="ModelKind"/>.</summary>
public static class ModelFactory
{
    /// <summary>A new model; with a seed its initial weights depend on the seed alone, whatever other threads draw
    /// from libtorch's global generator meanwhile (see <see cref="PaperInit"/>).</summary>
    public static ISemanticModel Create(ModelKind kind, int inputs, DssmOptions options, long? seed = null)
    {
        using var seeded = seed is { } s ? PaperInit.Seeded(s) : null;
        return kind switch
        {
            ModelKind.Dssm => new DssmModel(inputs, options),
            ModelKind.Cdssm => new CdssmModel(inputs, options),
            _ => throw new ArgumentException($"model '{kind}' is not one of dssm, cdssm"),
        };
    }
}

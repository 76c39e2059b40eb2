namespace Dssm.Research.Models;

/// <summary>Builds a model by its name in configs and on the command line.</summary>
public static class ModelFactory
{
    public static ISemanticModel Create(string kind, int inputs, DssmOptions options) => kind switch
    {
        "dssm" => new DssmModel(inputs, options),
        "cdssm" => new CdssmModel(inputs, options),
        _ => throw new ArgumentException($"model '{kind}' is not one of dssm, cdssm"),
    };
}

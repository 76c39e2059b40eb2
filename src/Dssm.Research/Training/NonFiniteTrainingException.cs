namespace Dssm.Research.Training;

/// <summary>Thrown when a loss or gradient becomes NaN or infinite and the run is set to stop.</summary>
public sealed class NonFiniteTrainingException(string message) : InvalidOperationException(message);

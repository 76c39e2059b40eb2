using System.Diagnostics;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
using Dssm.Research.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dssm.Research.Training;

/// <summary>Thrown when a loss or gradient becomes NaN or infinite and the run is set to stop.</summary>
public sealed class NonFiniteTrainingException(string message) : InvalidOperationException(message);

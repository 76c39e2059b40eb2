namespace Dssm.Research.Tests;

/// <summary>
/// Tests that measure or disturb state of the whole process (libtorch's one global generator, the size of the
/// managed heap) run in this collection, which xUnit runs alone, after the parallel ones: a test beside them
/// would change what they measure, or be changed by what they do.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection { public const string Name = "process-wide state"; }

namespace Dssm.Notebooks;

/// <summary>Thrown by <see cref="NotebookRunner.RunAllAsync"/> callers that want a failure as an exception.</summary>
public sealed class NotebookFailedException(NotebookResult result) : Exception(result.Summary)
{
    public NotebookResult Result { get; } = result;
}

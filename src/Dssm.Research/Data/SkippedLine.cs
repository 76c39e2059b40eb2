namespace Dssm.Research.Data;

/// <summary>One line that lenient mode skipped, and why.</summary>
public sealed record SkippedLine(string File, long Line, string? Field, string Reason)
{
    public override string ToString() => Field is null ? $"{File}:{Line}: {Reason}" : $"{File}:{Line}: {Field}: {Reason}";
}

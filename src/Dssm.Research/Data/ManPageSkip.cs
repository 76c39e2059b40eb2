namespace Dssm.Research.Data;

/// <summary>A page file that is not in the benchmark, and why (nothing is dropped without a count).</summary>
/// <param name="Path">The file.</param>
/// <param name="Reason">A fixed phrase to count by (<see cref="ManPageSkipReasons"/>).</param>
/// <param name="Detail">What exactly, with the line where there is one (e.g. <c>line 1: .so man7/x.7: no such page</c>).</param>
public sealed record ManPageSkip(string Path, string Reason, string Detail)
{
    public override string ToString() => $"{Path}: {Reason}{(Detail.Length > 0 ? " (" + Detail + ")" : "")}";
}

namespace Dssm.Research.Data;

/// <summary>How converters build splits for inputs that have none.</summary>
/// <param name="Split">The split every query goes to when both fractions are 0.</param>
/// <param name="DevFraction">Share of queries sent to <c>dev</c>, chosen by a hash of the query id
/// (reproducible, and a query never lands in two splits).</param>
/// <param name="TestFraction">Share of queries sent to <c>test</c>, likewise.</param>
public sealed record ConvertOptions(string Split = "train", double DevFraction = 0, double TestFraction = 0)
{
    internal string SplitOf(string queryId)
    {
        if (DevFraction <= 0 && TestFraction <= 0) return Split;
        var u = StableId.Unit(queryId);
        return u < TestFraction ? "test" : u < TestFraction + DevFraction ? "dev" : "train";
    }
}

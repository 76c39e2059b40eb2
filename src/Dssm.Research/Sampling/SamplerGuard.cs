namespace Dssm.Research.Sampling;

/// <summary>Shared rejection loop: draw until J distinct non-positive documents are found.</summary>
static class SamplerGuard
{
    public static void Fill(Span<int> destination, IReadOnlySet<int> positives, int documents, Func<int> draw, string sampler)
    {
        var available = documents - positives.Count;
        if (destination.Length > available)
            throw new ArgumentException($"{sampler} sampler: J = {destination.Length} negatives asked, but only {available} documents are not positives of this query");
        var filled = 0;
        var attempts = 0;
        while (filled < destination.Length)
        {
            var d = draw();
            if (++attempts > 1000 * (destination.Length + 10))
                throw new InvalidOperationException($"{sampler} sampler: could not find {destination.Length} distinct negatives after {attempts} draws");
            if (positives.Contains(d) || destination[..filled].Contains(d)) continue;
            destination[filled++] = d;
        }
    }
}

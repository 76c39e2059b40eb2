namespace Dssm.Research.Data;

/// <summary>
/// Keeps the garbage of the long loops (reading a corpus, featurizing it, encoding it) to about
/// <see cref="Bytes"/>: after that much has been allocated since the last time, one blocking, non-compacting
/// full collection. The GC alone sizes its budgets by the machine's free memory, so on a machine with room it lets
/// garbage pile up: at a million documents, 1–1.5 GB above what is alive, the difference between fitting 4 GB and
/// not. A full collection here costs tens of milliseconds (the live heap is mostly arrays of numbers and strings,
/// which are not traced into), once per 256 MB allocated — next to the seconds it takes to allocate them.
/// Not called from the training step: its garbage is small and its time is what the benchmarks measure.
/// </summary>
public static class GarbageBound
{
    /// <summary>Allocation between two collections.</summary>
    public const long Bytes = 256L << 20;

    static long last;

    /// <summary>Collects when <see cref="Bytes"/> have been allocated since the last collection made here. Cheap otherwise.</summary>
    public static void Check()
    {
        var now = GC.GetTotalAllocatedBytes(precise: false);
        var before = Interlocked.Read(ref last);
        if (now - before < Bytes || Interlocked.CompareExchange(ref last, now, before) != before) return;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
    }
}

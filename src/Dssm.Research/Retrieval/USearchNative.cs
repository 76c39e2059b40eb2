using System.Reflection;
using System.Runtime.InteropServices;
using Cloud.Unum.USearch;

namespace Dssm.Research.Retrieval;

/// <summary>
/// Calls of USearch's C API that its C# binding (2.26.6) does not wrap, or wraps for one thread only: reserving room
/// for N vectors and thread contexts for concurrent adds and searches (<c>usearch_reserve</c>,
/// <c>usearch_change_threads_add</c>, <c>usearch_change_threads_search</c>), adding and searching from a span without a
/// copy, changing the search expansion ef of a built or loaded index, and the bytes the index holds. They take the
/// binding's native handle (its private <c>_index</c> field) and the same native library it loads (<c>libusearch_c</c>).
/// <para>
/// The native index keeps one context per thread it was reserved for; each add or search without a thread id takes a
/// free one, so at most that many calls may run at once. Reserving (capacity or threads) must not run concurrently
/// with anything else.
/// </para>
/// </summary>
internal static class USearchNative
{
    const string Library = "libusearch_c";
    const int ScalarF32 = (int)ScalarKind.Float32;   // the binding's enum is the C API's usearch_scalar_kind_t

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    static extern void usearch_change_expansion_search(IntPtr index, UIntPtr expansion, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    static extern UIntPtr usearch_memory_usage(IntPtr index, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    static extern void usearch_reserve(IntPtr index, UIntPtr capacity, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    static extern void usearch_change_threads_add(IntPtr index, UIntPtr threads, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    static extern void usearch_change_threads_search(IntPtr index, UIntPtr threads, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    static extern void usearch_add(IntPtr index, ulong key, ref float vector, int kind, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    static extern UIntPtr usearch_search(IntPtr index, ref float query, int kind, UIntPtr count, ref ulong keys, ref float distances, out IntPtr error);

    static readonly FieldInfo Handle = typeof(USearchIndex).GetField("_index", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new MissingFieldException("Cloud.Unum.USearch.USearchIndex has no _index field; this code was written against the 2.26.6 binding");

    static IntPtr Of(USearchIndex index) => (IntPtr)Handle.GetValue(index)!;

    static void Check(IntPtr error, string what)
    {
        if (error != IntPtr.Zero) throw new InvalidOperationException($"USearch {what}: {Marshal.PtrToStringAnsi(error)}");
    }

    public static void ChangeExpansionSearch(USearchIndex index, int expansion)
    {
        usearch_change_expansion_search(Of(index), (UIntPtr)expansion, out var error);
        Check(error, "change_expansion_search");
    }

    public static long MemoryUsage(USearchIndex index)
    {
        var bytes = usearch_memory_usage(Of(index), out var error);
        Check(error, "memory_usage");
        return (long)bytes;
    }

    /// <summary>Room for <paramref name="capacity"/> vectors in all, and contexts for that many concurrent adds and searches.</summary>
    public static void Reserve(USearchIndex index, long capacity, int threads)
    {
        var handle = Of(index);
        usearch_reserve(handle, (UIntPtr)capacity, out var error);
        Check(error, "reserve");
        usearch_change_threads_add(handle, (UIntPtr)threads, out error);
        Check(error, "change_threads_add");
        usearch_change_threads_search(handle, (UIntPtr)threads, out error);
        Check(error, "change_threads_search");
    }

    /// <summary>Adds one float32 vector under <paramref name="key"/>; safe from as many threads as were reserved.</summary>
    public static void Add(USearchIndex index, ulong key, ReadOnlySpan<float> vector)
    {
        usearch_add(Of(index), key, ref MemoryMarshal.GetReference(vector), ScalarF32, out var error);
        Check(error, "add");
    }

    /// <summary>The nearest <c>keys.Length</c> keys and distances of one float32 query; returns how many were found.</summary>
    public static int Search(USearchIndex index, ReadOnlySpan<float> query, Span<ulong> keys, Span<float> distances)
    {
        var found = usearch_search(Of(index), ref MemoryMarshal.GetReference(query), ScalarF32, (UIntPtr)keys.Length,
            ref MemoryMarshal.GetReference(keys), ref MemoryMarshal.GetReference(distances), out var error);
        Check(error, "search");
        return (int)found;
    }
}

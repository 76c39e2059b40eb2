using System.Reflection;
using System.Runtime.InteropServices;
using Cloud.Unum.USearch;

namespace Dssm.Research.Retrieval;

/// <summary>
/// Two calls of USearch's C API that its C# binding (2.26.6) does not wrap: changing the search expansion ef of a
/// built or loaded index, and the bytes the index holds. They take the binding's native handle (its private
/// <c>_index</c> field) and the same native library it loads (<c>libusearch_c</c>).
/// </summary>
internal static class USearchNative
{
    const string Library = "libusearch_c";

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    static extern void usearch_change_expansion_search(IntPtr index, UIntPtr expansion, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    static extern UIntPtr usearch_memory_usage(IntPtr index, out IntPtr error);

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
}

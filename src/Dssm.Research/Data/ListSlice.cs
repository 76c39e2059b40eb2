namespace Dssm.Research.Data;

/// <summary>
/// A run of an <see cref="IReadOnlyList{T}"/> by index. LINQ's <c>Skip(start).Take(n)</c> indexes only an
/// <see cref="IList{T}"/>; over any other list (a corpus's texts made as they are read) it walks from the first item
/// every time, so a loop over batches is quadratic — at a million documents, tens of minutes spent re-making texts.
/// </summary>
public static class ListSlice
{
    /// <summary>Items [start, start + count) of <paramref name="list"/>, clipped to its end.</summary>
    public static T[] Slice<T>(this IReadOnlyList<T> list, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        var n = Math.Max(0, Math.Min(count, list.Count - start));
        var result = new T[n];
        for (var i = 0; i < n; i++) result[i] = list[start + i];
        return result;
    }
}

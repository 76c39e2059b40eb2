namespace Dssm.Research.Text;

/// <summary>
/// How a closed set of options (an enum: <c>ModelKind</c>, <c>LossKind</c>, <c>ScheduleKind</c>, …) is named in
/// configs and on the command line: the member's name in lower case (<c>Cdssm</c> ↔ <c>cdssm</c>), which is also
/// what <c>Training/Json</c>'s camelCase enum converter writes to <c>config.json</c>. Filed with the text layer, the
/// lowest one, so that every layer's options are named the same way.
/// </summary>
public static class OptionName
{
    /// <summary>The lower-case name of <paramref name="value"/>.</summary>
    public static string Of<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>All names of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of).ToArray();

    /// <summary>Reads a name case-insensitively (numbers are not names).</summary>
    /// <param name="name">the text, e.g. <c>cdssm</c> or <c>CDSSM</c>.</param>
    /// <param name="what">the option, for the message: <c>model 'x' is not one of dssm, cdssm</c>.</param>
    /// <exception cref="ArgumentException">the name is none of <see cref="All{T}"/>; the message lists them.</exception>
    public static T Parse<T>(string name, string what) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
            if (string.Equals(Of(value), name?.Trim(), StringComparison.OrdinalIgnoreCase)) return value;
        throw new ArgumentException($"{what} '{name}' is not one of {string.Join(", ", All<T>())}");
    }
}

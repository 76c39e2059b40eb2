using System.Text.Json;

namespace Dssm.Research.Training;

/// <summary>
/// <c>metrics.jsonl</c>: one JSON object a line, flushed as written. On resume the file is cut back to the
/// length it had at the checkpoint, so a resumed run's log equals an uninterrupted one.
/// </summary>
public sealed class MetricsLog : IDisposable
{
    readonly FileStream stream;

    public MetricsLog(string path, long? truncateTo = null)
    {
        Path = path;
        stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        if (truncateTo is { } length && length <= stream.Length) stream.SetLength(length);
        stream.Seek(0, SeekOrigin.End);
    }

    public string Path { get; }

    /// <summary>Bytes written so far (recorded in checkpoints).</summary>
    public long Length => stream.Length;

    public void Write(IReadOnlyDictionary<string, object?> record)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(record, Json.Options);
        stream.Write(line);
        stream.WriteByte((byte)'\n');
        stream.Flush();
    }

    public void Dispose() => stream.Dispose();

    /// <summary>Every record of a metrics.jsonl file.</summary>
    public static IEnumerable<JsonElement> Read(string path)
    {
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0) continue;
            JsonElement element;
            try { element = JsonDocument.Parse(line).RootElement.Clone(); }
            catch (JsonException e) { throw new InvalidDataException($"{path}:{lineNo}: not a JSON object ({e.Message})"); }
            yield return element;
        }
    }
}

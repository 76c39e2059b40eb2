using System.Text.Json;

namespace Dssm.Research.Training;

/// <summary>
/// <c>metrics.jsonl</c>: one JSON object a line, flushed as written. On resume the file is cut back to the
/// length it had at the checkpoint, so a resumed run's log equals an uninterrupted one.
/// </summary>
public sealed class MetricsLog : IDisposable
{
    readonly FileStream stream;
    bool failed;

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

    /// <summary>Appends one record. A failed write (a full disk) names the file; a resume cuts off the partial line.</summary>
    public void Write(IReadOnlyDictionary<string, object?> record)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(record, Json.Options);
        try
        {
            stream.Write(line);
            stream.WriteByte((byte)'\n');
            stream.Flush();
        }
        catch (IOException e)
        {
            failed = true;
            throw new IOException($"{Path}: writing the metrics log failed ({e.Message}). Free space, then continue from the last checkpoint with --resume {System.IO.Path.GetDirectoryName(Path)}", e);
        }
    }

    public void Dispose()
    {
        // After a failed write the stream still holds the unwritten bytes, and closing it fails the same way
        // again; that error has been reported, and must not replace it while the exception unwinds.
        try { stream.Dispose(); }
        catch (IOException) when (failed) { }
    }

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

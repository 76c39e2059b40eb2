using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dssm.Research.Ranking;

namespace Dssm.Research.Data;

/// <summary>
/// Streaming writers for the BEIR layout. Output is byte-stable: UTF-8 without BOM, <c>\n</c> line
/// endings, fields in a fixed order, non-ASCII text (Chinese) written as is rather than \u-escaped.
/// </summary>
public static class BeirWriter
{
    static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static long WriteCorpus(string path, IEnumerable<BeirDocument> documents)
    {
        long n = 0;
        using var writer = Open(path);
        foreach (var d in documents)
        {
            WriteJsonLine(writer, w => { w.WriteString("_id", d.Id); w.WriteString("title", d.Title); w.WriteString("text", d.Text); });
            n++;
        }
        return n;
    }

    public static long WriteQueries(string path, IEnumerable<KeyValuePair<string, string>> queries)
    {
        long n = 0;
        using var writer = Open(path);
        foreach (var (id, text) in queries)
        {
            WriteJsonLine(writer, w => { w.WriteString("_id", id); w.WriteString("text", text); });
            n++;
        }
        return n;
    }

    /// <summary>Writes the header and one line per judgement, queries in first-seen order.</summary>
    public static void WriteQrels(string path, Qrels qrels)
    {
        using var writer = Open(path);
        writer.Write(BeirReader.QrelsHeader + "\n");
        foreach (var q in qrels.QueryIds)
            foreach (var (doc, score) in qrels.For(q))
                writer.Write($"{q}\t{doc}\t{score.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n");
    }

    public static void WriteCandidates(string path, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> candidates)
    {
        using var writer = Open(path);
        foreach (var (q, docs) in candidates)
            foreach (var d in docs) writer.Write($"{q}\t{d}\n");
    }

    internal static StreamWriter Open(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        return new StreamWriter(path, append: false, Utf8) { NewLine = "\n" };
    }

    static void WriteJsonLine(StreamWriter writer, Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        writer.Write(Utf8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
    }
}

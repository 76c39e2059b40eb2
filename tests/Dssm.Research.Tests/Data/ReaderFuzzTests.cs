using CsCheck;
using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

/// <summary>
/// Property: whatever bytes a file holds, every reader either reads it or throws a
/// <see cref="DataFormatException"/> (never another exception, never a hang), and when it reads it leniently its report
/// accounts for every record line: each was kept or skipped (<c>Read = Kept + Skipped</c>; these readers merge nothing,
/// a click log's <c>Duplicates</c> counts impressions that repeat the click, not lines), and what it returned is what it
/// kept (a click log returns one row per click and impression, so at least as many).
/// </summary>
public sealed class ReaderFuzzTests
{
    // Bytes that matter to the readers: separators, JSON punctuation, CR/LF, NUL, a BOM byte, invalid UTF-8, Han text.
    static readonly Gen<byte[]> Content = Gen.OneOf<byte[]>(
        Gen.OneOf<byte>((byte)'\t', (byte)'\n', (byte)'\r', (byte)'{', (byte)'}', (byte)'"', (byte)':', (byte)',', (byte)'0', (byte)'1',
                       (byte)'a', (byte)' ', (byte)0, (byte)0xEF, (byte)0xC3, (byte)0xFF, (byte)'_', (byte)'-').Array[1, 1],
        Gen.OneOf<byte[]>("{\"_id\":\"d1\",\"text\":\"x\"}\n"u8.ToArray(), "1\tq\td\n"u8.ToArray(), "q1\td1\t1\n"u8.ToArray(),
                       "query-id\tcorpus-id\tscore\n"u8.ToArray(), "便宜\t"u8.ToArray(), "\"_id\""u8.ToArray()))
        .Array[0, 40].Select(parts => parts.SelectMany(p => p).ToArray());

    static readonly (string Name, Func<string, DataReadOptions, DataReadReport, IEnumerable<object>> Read)[] Readers =
    [
        ("corpus", (p, o, r) => BeirReader.ReadCorpus(p, o, r)),
        ("queries", (p, o, r) => BeirReader.ReadQueries(p, o, r).Select(q => (object)q)),
        ("qrels", (p, o, r) => BeirReader.ReadQrels(p, o, r)),
        ("candidates", (p, o, r) => BeirReader.ReadCandidates(p, o, r).Select(c => (object)c)),
        ("pointwise", (p, o, r) => PointwiseReader.Read(p, o, r)),
        ("clicklog", (p, o, r) => ClickLogReader.Read(p, o, r)),
        ("sentence pairs", (p, o, r) => SentencePairReader.Read(p, o, r)),
    ];

    [Fact]
    public void No_input_crashes_a_reader()
    {
        var dir = TestFiles.TempDir();
        var path = Path.Combine(dir, "fuzz.txt");
        Content.Sample(bytes =>
        {
            File.WriteAllBytes(path, bytes);
            foreach (var (name, read) in Readers)
                foreach (var lenient in new[] { false, true })
                {
                    var report = new DataReadReport(path);
                    List<object>? records = null;
                    try { records = read(path, new DataReadOptions(Lenient: lenient, MaxLineBytes: 64), report).ToList(); }
                    catch (DataFormatException) { }
                    catch (Exception e) { throw new Exception($"{name} (lenient {lenient}) threw {e.GetType().Name} on {Convert.ToHexString(bytes)}: {e.Message}", e); }
                    if (records is null || !lenient) continue;
                    var where = $"{name} on {Convert.ToHexString(bytes)}";
                    Assert.True(report.Read == report.Kept + report.Skipped.Count, $"{where}: read {report.Read}, kept {report.Kept}, skipped {report.Skipped.Count}");
                    Assert.True(name == "clicklog" ? records.Count >= report.Kept : records.Count == report.Kept, $"{where}: {records.Count} records returned, {report.Kept} kept");
                }
        }, iter: 400, threads: 1);
    }
}

using CsCheck;
using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

/// <summary>
/// Property: whatever bytes a file holds, every reader either reads it or throws a
/// <see cref="DataFormatException"/> (never another exception, never a hang), and lenient mode never throws
/// for a line-level problem and accounts for every record line.
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

    static readonly (string Name, Func<string, DataReadOptions, IEnumerable<object>> Read)[] Readers =
    [
        ("corpus", (p, o) => BeirReader.ReadCorpus(p, o)),
        ("queries", (p, o) => BeirReader.ReadQueries(p, o).Select(q => (object)q)),
        ("qrels", (p, o) => BeirReader.ReadQrels(p, o)),
        ("candidates", (p, o) => BeirReader.ReadCandidates(p, o).Select(c => (object)c)),
        ("pointwise", (p, o) => PointwiseReader.Read(p, o)),
        ("clicklog", (p, o) => ClickLogReader.Read(p, o)),
        ("sentence pairs", (p, o) => SentencePairReader.Read(p, o)),
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
                    try { read(path, new DataReadOptions(Lenient: lenient, MaxLineBytes: 64)).ToList(); }
                    catch (DataFormatException) { }
                    catch (Exception e) { throw new Exception($"{name} (lenient {lenient}) threw {e.GetType().Name} on {Convert.ToHexString(bytes)}: {e.Message}", e); }
                }
        }, iter: 400, threads: 1);
    }
}

using System.Diagnostics;
using System.Text;
using Dssm.Research.Data;
using Xunit.Abstractions;

namespace Dssm.Research.Tests.Data;

/// <summary>Readers stream: a ~200 MB corpus is read with a managed heap that stays a few MB, whatever the file size.
/// The heap is the whole process's, so this runs alone, and each reading forces a collection: what is measured is
/// what the reader keeps alive, not garbage that a collection has not reached yet.</summary>
[Collection(ProcessWideCollection.Name)]
public sealed class StreamingTests(ITestOutputHelper output)
{
    [Fact]
    public void A_200_MB_corpus_is_read_in_bounded_memory()
    {
        var path = Path.Combine(TestFiles.TempDir(), "corpus.jsonl");
        const int docs = 400_000;
        var body = new string('w', 480);
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
            for (int i = 0; i < docs; i++) w.Write($"{{\"_id\":\"d{i}\",\"title\":\"t{i}\",\"text\":\"{body}\"}}\n");
        var size = new FileInfo(path).Length;
        Assert.True(size > 190_000_000, $"file is only {size:N0} bytes");

        GC.Collect();
        long baseline = GC.GetTotalMemory(true), peak = 0, count = 0, chars = 0;
        var clock = Stopwatch.StartNew();
        var report = new DataReadReport(path);
        foreach (var d in BeirReader.ReadCorpus(path, report: report))
        {
            chars += d.Text.Length;
            if (++count % 50_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(true) - baseline);
        }
        output.WriteLine($"{size / 1e6:F0} MB, {count:N0} documents in {clock.Elapsed.TotalSeconds:F1} s, managed heap kept at most +{peak / 1e6:F1} MB");
        File.Delete(path);
        Assert.Equal(docs, count);
        Assert.Equal((long)docs * body.Length, chars);
        Assert.Equal(docs, report.Kept);
        Assert.True(peak < 64_000_000, $"managed heap grew by {peak:N0} bytes while streaming a {size:N0}-byte file");
    }
}

using Dssm.Research.Text;

namespace Dssm.Research.Tests.Text;

/// <summary>The hashing benchmark (<c>dssm bench hash</c>) counts what the library featurizes, with one thread or several.</summary>
public class HashingBenchmarkTests
{
    [Fact]
    public void Every_line_is_featurized_with_one_or_several_threads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dssm-bench-{Guid.NewGuid():N}.txt");
        var lines = Enumerable.Range(0, 5000).Select(i => i % 7 == 0 ? "" : $"Line {i}: good food, café {i % 13} 北京").ToArray();
        File.WriteAllText(path, string.Join("\r\n", lines));
        try
        {
            var hasher = new WordHasher(new WordHashingOptions { Mode = WordHashingMode.Hashing });
            var batch = hasher.Featurize(lines);
            foreach (var threads in new[] { 1, 3 })
            {
                var result = HashingBenchmark.Run(hasher, path, threads);
                Assert.Equal(lines.Length, result.Texts);
                Assert.Equal(batch.NonZeros, result.NonZeros);
                Assert.Equal((long)batch.Weights.Sum(), result.NGrams);
                Assert.Equal(lines.Sum(l => (long)l.Length), result.Chars);
            }
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_line_longer_than_a_block_is_read_whole_and_the_figures_are_printed_by_name()
    {
        // Blocks are 1 MiB: a 3 MiB line between two short ones must grow a block, not be cut into pieces.
        var path = Path.Combine(Path.GetTempPath(), $"dssm-bench-long-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "good\n" + new string('x', 3 << 20) + "\nfood\n");
        try
        {
            var hasher = new WordHasher(new WordHashingOptions { Mode = WordHashingMode.Hashing });
            var result = HashingBenchmark.Run(hasher, path, threads: 1);
            Assert.Equal(3, result.Texts);
            Assert.Equal(4 + (3 << 20) + 4, result.Chars);
            // A word of L letters is L + 2 characters with its # marks, so L + 2 − 3 + 1 = L trigrams: good and food 4 each
            // (#go goo ood od#), the long word 3·2^20 (#xx, xxx, …, xx#).
            Assert.Equal(4 + 4 + (3 << 20), result.NGrams);
            var text = result.ToText(peakRssBytes: 1 << 20);
            Assert.Contains("texts 3\n", text);
            Assert.Contains("mode hashing\n", text);
            Assert.Contains("peak_rss_mb 1\n", text);
            Assert.DoesNotContain("fit_or_load_seconds", text);
        }
        finally { File.Delete(path); }
    }
}

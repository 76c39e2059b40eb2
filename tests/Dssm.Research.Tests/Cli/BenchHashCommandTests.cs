using Dssm.Cli.Commands;
using Dssm.Research.Text;

namespace Dssm.Research.Tests.Cli;

/// <summary><c>dssm bench hash</c> counts what the library featurizes, with one thread or several.</summary>
public class BenchHashCommandTests
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
                var result = BenchHashCommand.Run(hasher, path, threads);
                Assert.Equal(lines.Length, result.Texts);
                Assert.Equal(batch.NonZeros, result.NonZeros);
                Assert.Equal((long)batch.Weights.Sum(), result.NGrams);
                Assert.Equal(lines.Sum(l => (long)l.Length), result.Chars);
            }
        }
        finally { File.Delete(path); }
    }
}

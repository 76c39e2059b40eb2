using System.Diagnostics;
using Dssm.Research.Text;

namespace Dssm.Research.Tests.Text;

/// <summary>
/// The hashing trick must give the same ids in every process (string.GetHashCode does not).
/// <para>
/// The first two tests are <b>pins</b>: a saved hashing-mode model depends on these exact numbers, so they may never
/// change. They are not copied from this code's output: a second implementation of the definition in
/// <c>StableHash</c>'s summary, in Python, gives the same numbers —
/// <code>
/// M = 2**64 - 1
/// def fmix(k): k ^= k >> 33; k = k * 0xFF51AFD7ED558CCD &amp; M; k ^= k >> 33; k = k * 0xC4CEB9FE1A85EC53 &amp; M; return k ^ k >> 33
/// def h(kind, s):
///     u = [int.from_bytes(s.encode("utf-16-le")[i:i + 2], "little") for i in range(0, 2 * len(s), 2)]
///     st = fmix(0x243F6A8885A308D3 ^ ord(kind) &lt;&lt; 56 ^ len(u))
///     for i in range(0, len(u), 4):
///         b = 0
///         for x in u[i:i + 4]: b = b &lt;&lt; 16 | x
///         st = fmix((st ^ b) * 0x9E3779B97F4A7C15 &amp; M)
///     return st                                   # bucket: (h >> 32) * 32768 >> 32
/// </code>
/// </para>
/// </summary>
public class StableHashTests
{
    [Fact]
    public void Fixed_strings_hash_to_fixed_numbers()   // a pin (see above)
    {
        Assert.Equal(
            [0x527AF08B2C0DCE56UL, 0xFBB707D31F35BA77UL, 0xAFB7CBDC309D4E87UL],
            [StableHash.Feature(FeatureKind.NGram, "#go"), StableHash.Feature(FeatureKind.Word, "good"), StableHash.Feature(FeatureKind.Word, "北京")]);
    }

    [Fact]
    public void Good_has_fixed_buckets()   // a pin: the buckets of #go goo ood od# among 2^15 (see above)
    {
        var batch = new WordHasher(new WordHashingOptions { Mode = WordHashingMode.Hashing }).Featurize("good");
        Assert.Equal(new long[] { 10557, 26315, 14810, 17429 }, batch.Ids);
    }

    [Fact]
    public void The_kind_is_part_of_the_hash() =>
        Assert.NotEqual(StableHash.Feature(FeatureKind.NGram, "go"), StableHash.Feature(FeatureKind.Word, "go"));

    [Fact]
    public void The_length_is_part_of_the_hash() =>
        Assert.NotEqual(StableHash.Feature(FeatureKind.NGram, "ab"), StableHash.Feature(FeatureKind.NGram, "\0ab"));

    [Fact]
    public void Long_features_use_every_block() =>
        Assert.NotEqual(StableHash.Feature(FeatureKind.Word, "abcdefgh"), StableHash.Feature(FeatureKind.Word, "abcdefgi"));

    [Fact]
    public void Buckets_are_spread_evenly()
    {
        // 200,000 distinct trigram-like strings into 1,000 buckets: each bucket near 200 (binomial sd ≈ 14).
        var counts = new int[1000];
        for (var i = 0; i < 200_000; i++) counts[StableHash.Bucket(StableHash.Feature(FeatureKind.NGram, $"{(char)('a' + i % 26)}{(char)('a' + i / 26 % 26)}{i / 676}"), 1000)]++;
        Assert.InRange(counts.Min(), 130, 200);
        Assert.InRange(counts.Max(), 200, 270);
    }

    [Fact]
    public void Another_process_gives_the_same_buckets()
    {
        // `dssm bench hash` in a child process prints the non-zeros of a file; the same file hashed here
        // must give the same number — collisions (and hence nnz) depend on every bucket.
        var path = Path.Combine(Path.GetTempPath(), $"dssm-hash-{Guid.NewGuid():N}.txt");
        var lines = Enumerable.Range(0, 300).Select(i => $"semantic query number {i} with words {i * 31 % 977} and more words {i * i}").ToArray();
        File.WriteAllLines(path, lines);
        try
        {
            var hasher = new WordHasher(new WordHashingOptions { Mode = WordHashingMode.Hashing, Buckets = 97 });
            var expected = hasher.Featurize(lines).NonZeros;
            var cli = Path.Combine(AppContext.BaseDirectory, "dssm.dll");
            var start = new ProcessStartInfo("dotnet", [cli, "bench", "hash", "--texts", path, "--buckets", "97"]) { RedirectStandardOutput = true };
            using var child = Process.Start(start)!;
            var output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            Assert.Equal(0, child.ExitCode);
            Assert.Contains($"nnz {expected}\n", output);
        }
        finally { File.Delete(path); }
    }
}

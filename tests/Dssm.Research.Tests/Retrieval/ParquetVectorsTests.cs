using Dssm.Research.Retrieval;

namespace Dssm.Research.Tests.Retrieval;

/// <summary>The Parquet vector file read back: ids, vectors, text hashes and metadata as written, across row groups.</summary>
public sealed class ParquetVectorsTests : IDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), "dssm-parquet-" + Guid.NewGuid().ToString("N"));

    public void Dispose() { if (Directory.Exists(dir)) Directory.Delete(dir, true); }

    [Fact]
    public void The_text_hash_is_the_hex_sha256_of_the_utf8_text()
    {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ParquetVectors.TextHash("abc"));
        // "é" is two UTF-8 bytes, C3 A9, not the UTF-16 unit E9: SHA-256(C3 A9) differs from SHA-256(E9).
        Assert.NotEqual(ParquetVectors.TextHash("é"), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(new byte[] { 0xE9 })));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(new byte[] { 0xC3, 0xA9 })), ParquetVectors.TextHash("é"));
    }

    [Fact]
    public void Ids_vectors_hashes_and_metadata_come_back_as_written()
    {
        var path = Path.Combine(dir, "v.parquet");
        var ids = new[] { "d1", "文档2", "d3" };
        var vectors = new[] { new[] { 1f, 0f, 0f }, new[] { 0f, 0.6f, 0.8f }, new[] { -0.5f, 0.5f, 0.70710677f } };
        var texts = new[] { "abc", "北京", "" };
        ParquetVectors.Write(path, ids, vectors, texts, new Dictionary<string, string> { ["dssm.model"] = "run-7" });
        var (readIds, readVectors, hashes, meta) = ParquetVectors.Read(path);
        Assert.Equal(ids, readIds);
        for (var i = 0; i < ids.Length; i++) Assert.Equal(vectors[i], readVectors[i]);
        Assert.Equal(texts.Select(ParquetVectors.TextHash), hashes);
        Assert.Equal("run-7", meta["dssm.model"]);
        Assert.Equal("3", meta[ParquetVectors.DimensionKey]);
        Assert.Equal("PAR1"u8.ToArray(), File.ReadAllBytes(path)[..4]);   // the Parquet magic, at both ends
        Assert.Equal("PAR1"u8.ToArray(), File.ReadAllBytes(path)[^4..]);
    }

    [Fact]
    public void More_rows_than_one_row_group_holds_are_read_back_in_order()
    {
        var path = Path.Combine(dir, "big.parquet");
        var n = ParquetVectors.RowsPerGroup + 17;
        var ids = Enumerable.Range(0, n).Select(i => $"doc{i}").ToArray();
        var vectors = Enumerable.Range(0, n).Select(i => new[] { MathF.Cos(i), MathF.Sin(i) }).ToArray();
        ParquetVectors.Write(path, ids, vectors, ids);
        var (readIds, readVectors, hashes, _) = ParquetVectors.Read(path);
        Assert.Equal(n, readIds.Length);
        foreach (var i in new[] { 0, 1, ParquetVectors.RowsPerGroup - 1, ParquetVectors.RowsPerGroup, n - 1 })
        {
            Assert.Equal(ids[i], readIds[i]);
            Assert.Equal(vectors[i], readVectors[i]);
            Assert.Equal(ParquetVectors.TextHash(ids[i]), hashes[i]);
        }
    }

    [Fact]
    public void Vectors_of_different_lengths_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => ParquetVectors.Write(Path.Combine(dir, "bad.parquet"), ["a", "b"], [[1f, 0f], [1f]], ["x", "y"]));
        Assert.Contains("vector 1 ('b') has 1 dimensions", e.Message);
    }
}

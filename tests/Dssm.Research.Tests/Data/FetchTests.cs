using System.IO.Compression;
using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

public sealed class FetchTests
{
    sealed class Offline : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Name or service not known (download.microsoft.com:443)");
    }

    [Fact]
    public async Task Offline_says_what_to_download_and_where_to_put_it()
    {
        var dir = TestFiles.TempDir();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => new DatasetFetcher(new Offline()).FetchAsync("wikiqa", dir));
        Assert.Contains("cannot download https://download.microsoft.com/download/E/5/F/E5FCFCEE-7005-4814-853D-DAA7C66507E0/WikiQACorpus.zip", e.Message);
        Assert.Contains($"put it at {Path.Combine(dir, "WikiQACorpus.zip")}", e.Message);
        Assert.Contains("run this command again", e.Message);
        Assert.Contains($"dssm data convert --from wikiqa {dir}/WikiQACorpus --out {dir}/beir", e.Message);
        Assert.Empty(Directory.GetFiles(dir));   // no half-written file left behind
    }

    [Fact]
    public async Task A_file_put_there_by_hand_is_used_its_digest_printed_and_unpacked()
    {
        var dir = TestFiles.TempDir();
        using (var zip = ZipFile.Open(Path.Combine(dir, "scifact.zip"), ZipArchiveMode.Create))
        using (var w = new StreamWriter(zip.CreateEntry("scifact/queries.jsonl").Open()))
            w.Write("{\"_id\":\"1\",\"text\":\"q\"}\n");
        // No digest is pinned for any set yet (PublicDatasets.cs), so the fetcher prints the one it computed, to compare
        // by hand; it must be the archive's own.
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, "scifact.zip"))));
        var log = new StringWriter();
        await new DatasetFetcher(new Offline(), log).FetchAsync("scifact", dir);
        Assert.True(File.Exists(Path.Combine(dir, "scifact", "queries.jsonl")));
        Assert.Contains("already present", log.ToString());
        Assert.Contains($"sha256 {digest} (not pinned in PublicDatasets.cs", log.ToString());
    }

    [Fact]
    public async Task Sets_without_an_open_url_say_how_to_get_them_and_unknown_names_list_the_known_ones()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => new DatasetFetcher(new Offline()).FetchAsync("lcqmc", TestFiles.TempDir()));
        Assert.Contains("LCQMC is not openly hosted", e.Message);
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => new DatasetFetcher(new Offline()).FetchAsync("imagenet", TestFiles.TempDir()));
        Assert.Contains("expected one of: wikiqa, msmarco-passage, scifact", unknown.Message);
    }
}

using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Dssm.Research.Data;

/// <summary>
/// Downloads a <see cref="PublicDataset"/> into a folder (with a progress line), checks its SHA-256 when one
/// is pinned, and unpacks it. A file already there (for instance put there by hand) is used as is. Without
/// network it fails with a message that says exactly what to download and where to put it.
/// </summary>
public sealed class DatasetFetcher(HttpMessageHandler? handler = null, TextWriter? log = null)
{
    readonly TextWriter log = log ?? TextWriter.Null;

    /// <summary>Returns the path of the downloaded archive.</summary>
    public async Task<string> FetchAsync(string name, string outDir, CancellationToken cancel = default)
    {
        var set = PublicDatasets.Find(name);
        Directory.CreateDirectory(outDir);
        var target = Path.Combine(outDir, set.FileName);
        if (set.Url is null)
            throw new InvalidOperationException($"{set.Name}: {set.Manual}. Put its files under {Path.GetFullPath(target)}/, then run: {set.Convert.Replace("{dir}", outDir)}");
        if (!File.Exists(target))
        {
            var partial = target + ".part";
            try
            {
                using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
                client.Timeout = TimeSpan.FromHours(2);
                using var response = await client.GetAsync(set.Url, HttpCompletionOption.ResponseHeadersRead, cancel);
                response.EnsureSuccessStatusCode();
                var total = response.Content.Headers.ContentLength;
                await using (var source = await response.Content.ReadAsStreamAsync(cancel))
                await using (var sink = File.Create(partial))
                {
                    var buffer = new byte[1 << 20];
                    long done = 0, lastShown = -1;
                    int n;
                    while ((n = await source.ReadAsync(buffer, cancel)) > 0)
                    {
                        await sink.WriteAsync(buffer.AsMemory(0, n), cancel);
                        done += n;
                        long step = total is > 0 ? done * 20 / total.Value : done >> 26;
                        if (step != lastShown)
                        {
                            lastShown = step;
                            log.WriteLine(total is > 0 ? $"  {set.FileName}: {done * 100 / total.Value,3}% of {total.Value / 1e6:F0} MB" : $"  {set.FileName}: {done / 1e6:F0} MB");
                        }
                    }
                }
                File.Move(partial, target, overwrite: true);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !cancel.IsCancellationRequested)
            {
                if (File.Exists(partial)) File.Delete(partial);
                throw new InvalidOperationException(OfflineMessage(set, outDir, e.Message), e);
            }
        }
        else log.WriteLine($"  using {target} (already present)");

        var digest = await Sha256Async(target, cancel);
        if (set.Sha256 is null)
            log.WriteLine($"  sha256 {digest} (not pinned in PublicDatasets.cs: compare with a trusted copy)");
        else if (!digest.Equals(set.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{target}: SHA-256 {digest}, expected {set.Sha256}; the download is corrupt or changed upstream — delete it and fetch again");
        else log.WriteLine("  sha256 ok");
        Unpack(target, outDir);
        log.WriteLine($"  next: {set.Convert.Replace("{dir}", outDir)}");
        return target;
    }

    /// <summary>What to do by hand when the machine has no network.</summary>
    public static string OfflineMessage(PublicDataset set, string outDir, string reason) =>
        $"{set.Name}: cannot download {set.Url} ({reason}). Offline? Download it by hand on a machine with network, " +
        $"put it at {Path.GetFullPath(Path.Combine(outDir, set.FileName))}" +
        (set.Sha256 is null ? "" : $" (SHA-256 {set.Sha256})") +
        $", and run this command again: it will use the file, check it and unpack it. Then: {set.Convert.Replace("{dir}", outDir)}";

    static async Task<string> Sha256Async(string path, CancellationToken cancel)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancel));
    }

    static void Unpack(string archive, string outDir)
    {
        if (archive.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) ZipFile.ExtractToDirectory(archive, outDir, overwriteFiles: true);
        else if (archive.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase))
        {
            using var gz = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
            TarFile.ExtractToDirectory(gz, outDir, overwriteFiles: true);
        }
    }
}

using System.Runtime.CompilerServices;

namespace Dssm.Research.Training;

/// <summary>Write-to-temp, flush to disk, rename: a crash or a full disk leaves the previous file intact.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Tests only: the bytes this async flow may still write through <see cref="Write"/> before a write fails as
    /// on a full disk (ENOSPC). Null (the default) means no limit. An <see cref="AsyncLocal{T}"/>, so tests that
    /// run in parallel do not see each other's limit.
    /// </summary>
    internal static readonly AsyncLocal<StrongBox<long>?> SpaceLeftForTests = new();

    public static void Write(string path, Action<Stream> write)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                if (SpaceLeftForTests.Value is { } left)
                {
                    using var limited = new FullDiskStream(file, left, temp);
                    write(limited);
                }
                else write(file);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { }
            throw;
        }
    }

    public static void WriteText(string path, string text) =>
        Write(path, s => { using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true); w.Write(text); });

    /// <summary>Passes writes through until the budget is spent, then writes what fits and fails as the OS does on ENOSPC.</summary>
    sealed class FullDiskStream(Stream inner, StrongBox<long> left, string path) : Stream
    {
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var fits = (int)Math.Min(buffer.Length, Math.Max(0, left.Value));
            inner.Write(buffer[..fits]);
            left.Value -= fits;
            if (fits < buffer.Length) throw new IOException($"No space left on device : '{path}'");
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

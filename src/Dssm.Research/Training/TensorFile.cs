using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace Dssm.Research.Training;

/// <summary>
/// Named tensors in one file: magic, entries (name, dtype, shape, raw little-endian data), then a SHA-256
/// of everything before it. Written to a temporary file, flushed to disk and renamed, so a reader sees the
/// old file or the new one, never half of one; a truncated or corrupted file is refused with its name.
/// </summary>
public static class TensorFile
{
    static readonly byte[] Magic = "DSSMTNS1"u8.ToArray();

    /// <summary>Elements copied out of a tensor at a time while saving: a checkpoint of a 300k-feature input layer and its
    /// Adam state is ~1 GB, and writing it through whole copies took several times that.</summary>
    const long ChunkElements = 1 << 20;

    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors)
    {
        AtomicFile.Write(path, stream =>
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using (var hashed = new HashingStream(stream, sha))
            using (var w = new BinaryWriter(hashed, Encoding.UTF8, leaveOpen: true))
            {
                w.Write(Magic);
                w.Write(tensors.Count);
                foreach (var (name, t) in tensors.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    using var scope = NewDisposeScope();   // keeps the detach/cpu temporaries alive until written, then frees them
                    var cpu = t.detach().cpu().contiguous();
                    w.Write(name);
                    w.Write(cpu.dtype == ScalarType.Int64 ? 1 : 0);
                    w.Write(cpu.shape.Length);
                    foreach (var d in cpu.shape) w.Write(d);
                    if (cpu.dtype == ScalarType.Int64) foreach (var x in cpu.data<long>()) w.Write(x);
                    else if (cpu.dtype == ScalarType.Float32)
                    {
                        var flat = cpu.reshape(-1);
                        for (long at = 0; at < flat.shape[0]; at += ChunkElements)
                        {
                            using var piece = flat.narrow(0, at, Math.Min(ChunkElements, flat.shape[0] - at));
                            w.Write(piece.bytes);   // straight from libtorch's memory: no managed copy of a 360 MB layer
                        }
                    }
                    else throw new NotSupportedException($"tensor '{name}' has dtype {cpu.dtype}; only float32 and int64 are saved");
                }
            }
            stream.Write(sha.GetHashAndReset());
        });
    }

    /// <summary>Writes through to the file and adds every byte to the checksum.</summary>
    sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer) { hash.AppendData(buffer); inner.Write(buffer); }
    }

    /// <summary>Reads every tensor (on the CPU). Errors name the file and what is wrong.</summary>
    public static Dictionary<string, Tensor> Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file is missing", path);
        var length = new FileInfo(path).Length;
        var magic = new byte[Magic.Length];
        using (var head = File.OpenRead(path)) head.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        if (length < Magic.Length + 4 + 32 || !magic.AsSpan().SequenceEqual(Magic))
            throw new InvalidDataException($"{path}: not a Dssm.Research tensor file (bad header or too short: {length} bytes)");
        // The checksum first, streamed (a whole-file buffer would double a large checkpoint in memory), then the tensors.
        var stored = new byte[32];
        using (var file = File.OpenRead(path))
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[1 << 20];
            for (long left = length - 32; left > 0;)
            {
                var n = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (n <= 0) break;
                sha.AppendData(buffer, 0, n); left -= n;
            }
            file.ReadExactly(stored);
            if (!sha.GetHashAndReset().AsSpan().SequenceEqual(stored))
                throw new InvalidDataException($"{path}: checksum mismatch — the file is truncated or corrupt");
        }
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        using var r = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 20), Encoding.UTF8);
        r.ReadBytes(Magic.Length);
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var name = r.ReadString();
            var isLong = r.ReadInt32() == 1;
            var shape = new long[r.ReadInt32()];
            for (var d = 0; d < shape.Length; d++) shape[d] = r.ReadInt64();
            var n = shape.Aggregate(1L, (a, b) => a * b);
            if (isLong)
            {
                var data = new long[n];
                for (var k = 0; k < n; k++) data[k] = r.ReadInt64();
                using var flat = tensor(data);
                result[name] = flat.reshape(shape);
            }
            else
            {
                // Read into the tensor's own memory, a piece at a time (no managed array of the whole layer).
                var t = empty(shape, ScalarType.Float32);
                using var flat = t.reshape(-1);
                for (long at = 0; at < n; at += ChunkElements)
                {
                    using var piece = flat.narrow(0, at, Math.Min(ChunkElements, n - at));
                    r.BaseStream.ReadExactly(piece.bytes);
                }
                result[name] = t;
            }
        }
        return result;
    }
}

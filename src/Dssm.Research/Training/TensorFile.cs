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

    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors)
    {
        AtomicFile.Write(path, stream =>
        {
            using var body = new MemoryStream();
            using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
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
                    else if (cpu.dtype == ScalarType.Float32) w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(cpu.data<float>().ToArray().AsSpan()));
                    else throw new NotSupportedException($"tensor '{name}' has dtype {cpu.dtype}; only float32 and int64 are saved");
                }
            }
            var bytes = body.ToArray();
            stream.Write(bytes);
            stream.Write(SHA256.HashData(bytes));
        });
    }

    /// <summary>Reads every tensor (on the CPU). Errors name the file and what is wrong.</summary>
    public static Dictionary<string, Tensor> Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file is missing", path);
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < Magic.Length + 4 + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException($"{path}: not a Dssm.Research tensor file (bad header or too short: {bytes.Length} bytes)");
        var body = bytes.AsSpan(0, bytes.Length - 32);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
            throw new InvalidDataException($"{path}: checksum mismatch — the file is truncated or corrupt");
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        using var r = new BinaryReader(new MemoryStream(bytes, 0, body.Length), Encoding.UTF8);
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
                var data = new float[n];
                r.Read(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()));
                using var flat = tensor(data);
                result[name] = flat.reshape(shape);
            }
        }
        return result;
    }
}

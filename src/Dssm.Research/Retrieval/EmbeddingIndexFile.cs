using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Dssm.Research.Retrieval;

/// <summary>
/// The on-disk form of an <see cref="EmbeddingIndex"/>, little-endian:
/// <code>
/// offset 0   8 bytes  magic "DSSMEIDX"
///        8   int32    format version (1)
///       12   int32    N, number of documents
///       16   int32    D, dimension
///       20   int32    reserved (0)
///       24   N ×      int32 byte length + UTF-8 document id
///            N×D ×    float32, row-major
///   end−32   32 bytes SHA-256 of every byte before it
/// </code>
/// </summary>
internal static class EmbeddingIndexFile
{
    static readonly byte[] Magic = "DSSMEIDX"u8.ToArray();
    public const int Version = 1;
    const int HeaderLength = 24;
    const int ChecksumLength = 32;

    public static void Write(string path, string[] ids, float[] vectors, int dimension)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            void Put(ReadOnlySpan<byte> bytes)
            {
                stream.Write(bytes);
                hash.AppendData(bytes);
            }
            Span<byte> header = stackalloc byte[HeaderLength];
            Magic.CopyTo(header);
            BinaryPrimitives.WriteInt32LittleEndian(header[8..], Version);
            BinaryPrimitives.WriteInt32LittleEndian(header[12..], ids.Length);
            BinaryPrimitives.WriteInt32LittleEndian(header[16..], dimension);
            BinaryPrimitives.WriteInt32LittleEndian(header[20..], 0);
            Put(header);
            Span<byte> length = stackalloc byte[4];
            foreach (var id in ids)
            {
                var bytes = Encoding.UTF8.GetBytes(id);
                BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
                Put(length);
                Put(bytes);
            }
            if (BitConverter.IsLittleEndian) Put(MemoryMarshal.AsBytes(vectors.AsSpan()));
            else
            {
                var bytes = new byte[vectors.Length * 4];
                for (var i = 0; i < vectors.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), vectors[i]);
                Put(bytes);
            }
            stream.Write(hash.GetHashAndReset());
        }
        File.Move(temp, full, overwrite: true);
    }

    public static (string[] Ids, float[] Vectors, int Dimension) Read(string path)
    {
        var data = File.ReadAllBytes(path);
        InvalidDataException Corrupt(string problem) => new($"{path}: {problem}");
        if (data.Length < Magic.Length || !data.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw Corrupt("not an embedding index file (it does not start with DSSMEIDX)");
        if (data.Length < HeaderLength + ChecksumLength)
            throw Corrupt($"truncated: {data.Length} bytes, shorter than the header and checksum");
        var version = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(8));
        if (version != Version) throw Corrupt($"format version {version}; this library reads version {Version}");
        var body = data.AsSpan(0, data.Length - ChecksumLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(data.AsSpan(data.Length - ChecksumLength)))
            throw Corrupt("checksum mismatch: the file is corrupt or truncated (rebuild it with `Save`)");
        var count = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(12));
        var dimension = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(16));
        if (count < 0 || dimension <= 0) throw Corrupt($"bad dimensions N = {count}, D = {dimension}");
        var ids = new string[count];
        var at = HeaderLength;
        for (var i = 0; i < count; i++)
        {
            if (at + 4 > body.Length) throw Corrupt($"id {i} runs past the end of the data");
            var length = BinaryPrimitives.ReadInt32LittleEndian(body[at..]);
            at += 4;
            if (length < 0 || at + length > body.Length) throw Corrupt($"id {i} has a bad length {length}");
            ids[i] = Encoding.UTF8.GetString(body.Slice(at, length));
            at += length;
        }
        var floats = (long)count * dimension;
        if (body.Length - at != floats * 4) throw Corrupt($"expected {floats} floats ({count} × {dimension}) after the ids, found {(body.Length - at) / 4.0} floats' worth of bytes");
        var vectors = new float[floats];
        if (BitConverter.IsLittleEndian) MemoryMarshal.Cast<byte, float>(body[at..]).CopyTo(vectors);
        else for (var i = 0; i < vectors.Length; i++) vectors[i] = BinaryPrimitives.ReadSingleLittleEndian(body[(at + i * 4)..]);
        return (ids, vectors, dimension);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dssm.Research.Data;
using Parquet;
using Parquet.Schema;

namespace Dssm.Research.Retrieval;

/// <summary>
/// Document vectors as an Apache Parquet file (Parquet.Net), the form Spark, DuckDB, pandas/pyarrow and the vector
/// stores' bulk loaders read as they are. Three columns, one row per document:
/// <c>id</c> (UTF-8 string), <c>vector</c> (LIST&lt;FLOAT&gt;, D unit-length floats: cosine = dot product) and
/// <c>text_sha256</c> (lower-case hex SHA-256 of the UTF-8 text that was encoded, so a consumer can tell which vectors
/// are stale when a document changes; DuckDB's <c>sha256(text)</c> computes the same). The file's key/value metadata
/// holds <c>dssm.dimension</c> and whatever the caller adds (the model, the dataset). Row groups of
/// <see cref="RowsPerGroup"/> rows keep the writer's memory bounded by one group.
/// </summary>
public static class ParquetVectors
{
    public const string IdColumn = "id", VectorColumn = "vector", HashColumn = "text_sha256", DimensionKey = "dssm.dimension";

    /// <summary>Rows per row group (65,536 × 128 floats = 32 MiB a group).</summary>
    public const int RowsPerGroup = 1 << 16;

    static readonly DataField IdField = new DataField<string>(IdColumn);
    static readonly DataField ElementField = new DataField<float>("element");
    static readonly ListField VectorField = new(VectorColumn, ElementField);
    static readonly DataField HashField = new DataField<string>(HashColumn);
    static readonly ParquetSchema Schema = new(IdField, VectorField, HashField);

    /// <summary>The lower-case hex SHA-256 of a text's UTF-8 bytes.</summary>
    public static string TextHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text ?? "")));

    /// <summary>Writes ids, unit vectors (all of one length D) and the hashes of the encoded texts; atomic (a temporary file is renamed into place).</summary>
    public static void Write(string path, IReadOnlyList<string> ids, IReadOnlyList<float[]> vectors, IReadOnlyList<string> texts,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(texts);
        if (ids.Count != vectors.Count || ids.Count != texts.Count)
            throw new ArgumentException($"{ids.Count} ids, {vectors.Count} vectors and {texts.Count} texts: one of each per document");
        var dimension = vectors.Count == 0 ? 0 : vectors[0].Length;
        for (var i = 0; i < vectors.Count; i++)
            if (vectors[i].Length != dimension) throw new ArgumentException($"vector {i} ('{ids[i]}') has {vectors[i].Length} dimensions, vector 0 has {dimension}", nameof(vectors));
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        using (var stream = File.Create(temp))
            WriteAsync(stream, ids, vectors, texts, dimension, metadata).GetAwaiter().GetResult();
        File.Move(temp, full, overwrite: true);
    }

    static async Task WriteAsync(Stream stream, IReadOnlyList<string> ids, IReadOnlyList<float[]> vectors, IReadOnlyList<string> texts, int dimension,
        IReadOnlyDictionary<string, string>? metadata)
    {
        await using var writer = await ParquetWriter.CreateAsync(Schema, stream);
        var meta = new Dictionary<string, string>(metadata ?? new Dictionary<string, string>()) { [DimensionKey] = dimension.ToString(CultureInfo.InvariantCulture) };
        writer.CustomMetadata = meta;
        for (var start = 0; start < ids.Count || start == 0; start += RowsPerGroup)
        {
            var n = Math.Min(RowsPerGroup, ids.Count - start);
            var flat = new float[n * dimension];
            var levels = new int[n * dimension];            // repetition level 0 starts a row's list, 1 continues it
            var defined = new int[n * dimension];           // every element present: the field's deepest definition level
            Array.Fill(defined, ElementField.MaxDefinitionLevel);
            for (var r = 0; r < n; r++)
            {
                vectors[start + r].CopyTo(flat, r * dimension);
                for (var j = 1; j < dimension; j++) levels[r * dimension + j] = 1;
            }
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(IdField, ids.Slice(start, n), null);
            await group.WriteAllPartsAsync<float>(ElementField, flat, defined, levels, CancellationToken.None);
            await group.WriteAsync(HashField, Array.ConvertAll(texts.Slice(start, n), TextHash), null);
            group.CompleteValidate();
            if (ids.Count == 0) break;
        }
    }

    /// <summary>Reads a file written by <see cref="Write"/>: ids, vectors, text hashes and the file's metadata.</summary>
    /// <exception cref="InvalidDataException">not such a file (columns or dimension missing or inconsistent); the message names the file.</exception>
    public static (string[] Ids, float[][] Vectors, string[] TextHashes, IReadOnlyDictionary<string, string> Metadata) Read(string path) =>
        ReadAsync(path).GetAwaiter().GetResult();

    static async Task<(string[], float[][], string[], IReadOnlyDictionary<string, string>)> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var meta = reader.CustomMetadata ?? new Dictionary<string, string>();
        if (!meta.TryGetValue(DimensionKey, out var d) || !int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var dimension))
            throw new InvalidDataException($"{path}: no '{DimensionKey}' in the file's metadata; not a vector file written by dssm encode --format parquet");
        var fields = reader.Schema.GetDataFields();
        DataField Field(string name) => fields.FirstOrDefault(f => f.Path.ToString() == name || f.Name == name)
            ?? throw new InvalidDataException($"{path}: no column '{name}' (found: {string.Join(", ", fields.Select(f => f.Path.ToString()))})");
        var idField = Field(IdColumn);
        var hashField = Field(HashColumn);
        var elementField = fields.FirstOrDefault(f => f.Path.ToString().StartsWith(VectorColumn, StringComparison.Ordinal))
            ?? throw new InvalidDataException($"{path}: no column '{VectorColumn}'");
        var ids = new List<string>(); var vectors = new List<float[]>(); var hashes = new List<string>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var groupIds = new string?[n];
            await group.ReadAsync(idField, groupIds.AsMemory(), null);
            var groupHashes = new string?[n];
            await group.ReadAsync(hashField, groupHashes.AsMemory(), null);
            var flat = new float[n * dimension];
            var levels = new int[n * dimension];
            var defined = new int[n * dimension];
            await group.ReadRawAsync<float>(elementField, flat.AsMemory(), defined.AsMemory(), levels.AsMemory());
            for (var r = 0; r < n; r++)
            {
                if (dimension > 0 && (levels[r * dimension] != 0 || (dimension > 1 && levels[r * dimension + 1] != 1)))
                    throw new InvalidDataException($"{path}: row {ids.Count + r} has a vector of another length than {dimension}");
                vectors.Add(flat.AsSpan(r * dimension, dimension).ToArray());
            }
            var first = ids.Count;
            ids.AddRange(groupIds.Select((id, r) => id ?? throw new InvalidDataException($"{path}: row {first + r} has no id")));
            hashes.AddRange(groupHashes.Select(h => h ?? ""));
        }
        return (ids.ToArray(), vectors.ToArray(), hashes.ToArray(), meta);
    }
}

using System.Buffers;

namespace Dssm.Research.Text;

/// <summary>
/// A file in blocks of about 1 MiB that end at a line end, rented from the shared <see cref="ArrayPool{T}"/> (the
/// consumer returns them): lines are never turned into strings. A line longer than a block grows the block.
/// </summary>
internal static class Utf8LineBlocks
{
    const int BlockSize = 1 << 20;

    public static IEnumerable<ArraySegment<byte>> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var carry = Array.Empty<byte>();
        var carryLength = 0;
        while (true)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(BlockSize, 2 * carryLength));
            carry.AsSpan(0, carryLength).CopyTo(buffer);
            var filled = carryLength;
            int read;
            while (filled < buffer.Length && (read = stream.Read(buffer, filled, buffer.Length - filled)) > 0) filled += read;
            if (carryLength > 0) ArrayPool<byte>.Shared.Return(carry);
            var endOfFile = filled < buffer.Length;
            var end = endOfFile ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (end == 0 && !endOfFile)
            {
                (carry, carryLength) = (buffer, filled);   // one line fills the block: read on into a larger one
                continue;
            }
            carryLength = filled - end;
            carry = carryLength > 0 ? ArrayPool<byte>.Shared.Rent(carryLength) : Array.Empty<byte>();
            buffer.AsSpan(end, carryLength).CopyTo(carry);
            if (end > 0) yield return new ArraySegment<byte>(buffer, 0, end);
            else ArrayPool<byte>.Shared.Return(buffer);
            if (endOfFile) yield break;
        }
    }
}

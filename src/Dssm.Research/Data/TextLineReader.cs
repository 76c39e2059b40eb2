using System.Text;

namespace Dssm.Research.Data;

/// <summary>
/// Streams a UTF-8 text file line by line with strict checks, so that every reader gets the same
/// answers to the bad-input matrix: a BOM and CRLF endings are accepted; invalid UTF-8, NUL bytes and
/// lines over <see cref="DataReadOptions.MaxLineBytes"/> are malformed lines (file:line errors); an
/// empty file is an error. Memory is bounded by the longest line, not by the file.
/// </summary>
internal static class TextLineReader
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Non-blank lines; blank ones are counted in <paramref name="report"/>.</summary>
    public static IEnumerable<TextLine> Read(string path, DataReadOptions options, DataReadReport report)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (stream.Length == 0) throw new DataFormatException(path, 0, null, "file is empty; expected at least one line");
        var chunk = new byte[1 << 16];
        var line = new byte[4096];
        int lineLength = 0;
        long lineBytes = 0, number = 0;
        bool any = true;
        while (any)
        {
            int n = stream.Read(chunk, 0, chunk.Length);
            any = n > 0;
            int start = 0;
            while (true)
            {
                int nl = any ? Array.IndexOf(chunk, (byte)'\n', start, n - start) : -1;
                int end = nl >= 0 ? nl : n;
                if (any)
                {
                    int take = end - start;
                    lineBytes += take;
                    if (lineBytes <= options.MaxLineBytes)
                    {
                        if (lineLength + take > line.Length) Array.Resize(ref line, Math.Max(line.Length * 2, lineLength + take));
                        Buffer.BlockCopy(chunk, start, line, lineLength, take);
                        lineLength += take;
                    }
                }
                bool lineEnds = nl >= 0 || (!any && (lineBytes > 0));
                if (!lineEnds) break;
                number++;
                var decoded = Decode(path, number, line, lineLength, lineBytes, options, report);
                lineLength = 0;
                lineBytes = 0;
                if (decoded is { } text)
                {
                    if (text.Length == 0 || string.IsNullOrWhiteSpace(text)) report.BlankLines++;
                    else
                    {
                        if ((number & 4095) == 0) GarbageBound.Check();   // the parsed lines' garbage, at a million documents ~1.5 GB
                        yield return new TextLine(number, text);
                    }
                }
                if (nl < 0) break;
                start = nl + 1;
            }
        }
    }

    static string? Decode(string path, long number, byte[] line, int length, long totalBytes, DataReadOptions options, DataReadReport report)
    {
        if (totalBytes > options.MaxLineBytes)
        {
            report.Read++;
            report.Fail(new DataFormatException(path, number, null,
                $"line is {totalBytes:N0} bytes, longer than the limit of {options.MaxLineBytes:N0}; expected one record per line (raise DataReadOptions.MaxLineBytes if such lines are legitimate)"), options);
            return null;
        }
        var span = line.AsSpan(0, length);
        if (span.Length > 0 && span[^1] == (byte)'\r') span = span[..^1];
        if (number == 1 && span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        int nul = span.IndexOf((byte)0);
        if (nul >= 0)
        {
            report.Read++;
            report.Fail(new DataFormatException(path, number, null,
                $"NUL byte at byte {nul + 1}; expected UTF-8 text (is this a binary or UTF-16 file?)"), options);
            return null;
        }
        try
        {
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException e)
        {
            report.Read++;
            report.Fail(new DataFormatException(path, number, null,
                $"invalid UTF-8 at byte {e.Index + 1}; expected UTF-8 text (convert the file with iconv first)"), options);
            return null;
        }
    }
}

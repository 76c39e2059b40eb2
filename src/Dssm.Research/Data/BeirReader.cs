using System.Globalization;
using System.Text.Json;
using Dssm.Research.Ranking;

namespace Dssm.Research.Data;

/// <summary>
/// Streaming readers for the files of the BEIR layout (Thakur et al. 2021): each yields records as it
/// reads, so a corpus larger than memory can be scanned. Validation is per line; cross-file checks
/// (a qrel pointing at a missing document) are <see cref="BeirDataset.Load"/>'s job.
/// </summary>
public static class BeirReader
{
    /// <summary><c>corpus.jsonl</c>: one JSON object per line with a string or number <c>_id</c>, an optional
    /// <c>title</c> and a <c>text</c>; other fields (BEIR's <c>metadata</c>) are ignored.</summary>
    public static IEnumerable<BeirDocument> ReadCorpus(string path, DataReadOptions? options = null, DataReadReport? report = null) =>
        ReadCorpusLines(path, options, report).Select(x => x.Document);

    internal static IEnumerable<(long Line, BeirDocument Document)> ReadCorpusLines(string path, DataReadOptions? options, DataReadReport? report)
    {
        options ??= DataReadOptions.Strict;
        report ??= new DataReadReport(path);
        foreach (var line in TextLineReader.Read(path, options, report))
        {
            report.Read++;
            BeirDocument? doc = null;
            try
            {
                using var json = ParseObject(path, line);
                var id = Id(path, line, json.RootElement);
                var title = OptionalString(path, line, json.RootElement, "title");
                var text = OptionalString(path, line, json.RootElement, "text");
                if (title.Length == 0 && text.Length == 0)
                    throw new DataFormatException(path, line.Number, "text", $"document '{id}' has neither title nor text; expected a non-empty \"text\"");
                doc = new BeirDocument(id, title, text);
            }
            catch (DataFormatException e) { report.Fail(e, options); }
            if (doc is null) continue;
            report.Kept++;
            yield return (line.Number, doc);
        }
    }

    /// <summary><c>queries.jsonl</c>: one JSON object per line with <c>_id</c> and a non-empty <c>text</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ReadQueries(string path, DataReadOptions? options = null, DataReadReport? report = null) =>
        ReadQueryLines(path, options, report).Select(x => x.Query);

    internal static IEnumerable<(long Line, KeyValuePair<string, string> Query)> ReadQueryLines(string path, DataReadOptions? options, DataReadReport? report)
    {
        options ??= DataReadOptions.Strict;
        report ??= new DataReadReport(path);
        foreach (var line in TextLineReader.Read(path, options, report))
        {
            report.Read++;
            KeyValuePair<string, string>? query = null;
            try
            {
                using var json = ParseObject(path, line);
                var id = Id(path, line, json.RootElement);
                var text = OptionalString(path, line, json.RootElement, "text");
                if (string.IsNullOrWhiteSpace(text))
                    throw new DataFormatException(path, line.Number, "text", $"query '{id}' has an empty text; expected the query string");
                query = new(id, text);
            }
            catch (DataFormatException e) { report.Fail(e, options); }
            if (query is null) continue;
            report.Kept++;
            yield return (line.Number, query.Value);
        }
    }

    /// <summary>The qrels header, as BEIR writes it.</summary>
    public const string QrelsHeader = "query-id\tcorpus-id\tscore";

    /// <summary><c>qrels/{split}.tsv</c>: header <c>query-id corpus-id score</c> (tab-separated; optional),
    /// then <c>qid&lt;TAB&gt;docid&lt;TAB&gt;integer score</c>. A header with nothing after it is an error.</summary>
    public static IEnumerable<QrelRow> ReadQrels(string path, DataReadOptions? options = null, DataReadReport? report = null)
    {
        options ??= DataReadOptions.Strict;
        report ??= new DataReadReport(path);
        bool sawData = false;
        foreach (var line in TextLineReader.Read(path, options, report))
        {
            var fields = line.Text.Split('\t');
            if (line.Number == 1 && fields.Length == 3 && fields[0] == "query-id" && fields[1] == "corpus-id" && fields[2] == "score") continue;
            sawData = true;
            report.Read++;
            QrelRow? row = null;
            try
            {
                if (fields.Length != 3)
                    throw new DataFormatException(path, line.Number, null,
                        $"{fields.Length} tab-separated columns; expected 3: query-id<TAB>corpus-id<TAB>score");
                if (fields[0].Trim().Length == 0) throw new DataFormatException(path, line.Number, "query-id", "empty; expected a query id");
                if (fields[1].Trim().Length == 0) throw new DataFormatException(path, line.Number, "corpus-id", "empty; expected a document id");
                if (!int.TryParse(fields[2].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score))
                    throw new DataFormatException(path, line.Number, "score",
                        line.Number == 1 ? $"'{Clip(fields[2])}' is not an integer; expected the header {HeaderText} or an integer relevance grade"
                                         : $"'{Clip(fields[2])}' is not an integer; expected an integer relevance grade (0 = not relevant)");
                row = new QrelRow(line.Number, fields[0].Trim(), fields[1].Trim(), score);
            }
            catch (DataFormatException e) { report.Fail(e, options); }
            if (row is null) continue;
            report.Kept++;
            yield return row;
        }
        if (!sawData) throw new DataFormatException(path, 1, null, $"no judgements after the header; expected lines qid<TAB>docid<TAB>score");
    }

    /// <summary><c>candidates.tsv</c>: <c>qid&lt;TAB&gt;docid</c>, the documents to re-rank per query.</summary>
    public static IEnumerable<(long Line, string QueryId, string DocumentId)> ReadCandidates(string path, DataReadOptions? options = null, DataReadReport? report = null)
    {
        options ??= DataReadOptions.Strict;
        report ??= new DataReadReport(path);
        foreach (var line in TextLineReader.Read(path, options, report))
        {
            var fields = line.Text.Split('\t');
            if (line.Number == 1 && fields.Length == 2 && fields[0] == "query-id" && fields[1] == "corpus-id") continue;
            report.Read++;
            if (fields.Length != 2 || fields[0].Trim().Length == 0 || fields[1].Trim().Length == 0)
            {
                report.Fail(new DataFormatException(path, line.Number, null,
                    $"{fields.Length} tab-separated columns; expected 2 non-empty ones: query-id<TAB>corpus-id"), options);
                continue;
            }
            report.Kept++;
            yield return (line.Number, fields[0].Trim(), fields[1].Trim());
        }
    }

    const string HeaderText = "'query-id<TAB>corpus-id<TAB>score'";

    static JsonDocument ParseObject(string path, TextLine line)
    {
        JsonDocument json;
        try { json = JsonDocument.Parse(line.Text); }
        catch (JsonException e)
        {
            throw new DataFormatException(path, line.Number, null, $"bad JSON ({e.Message.Split(" LineNumber")[0]}); expected one JSON object per line");
        }
        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = json.RootElement.ValueKind;
            json.Dispose();
            throw new DataFormatException(path, line.Number, null, $"a JSON {kind.ToString().ToLowerInvariant()}; expected one JSON object per line");
        }
        return json;
    }

    static string Id(string path, TextLine line, JsonElement root)
    {
        if (!root.TryGetProperty("_id", out var id))
            throw new DataFormatException(path, line.Number, "_id", "missing; expected a string id");
        var value = id.ValueKind switch
        {
            JsonValueKind.String => id.GetString()!,
            JsonValueKind.Number => id.GetRawText(),
            _ => throw new DataFormatException(path, line.Number, "_id", $"a JSON {id.ValueKind.ToString().ToLowerInvariant()}; expected a string id"),
        };
        if (value.Trim().Length == 0) throw new DataFormatException(path, line.Number, "_id", "empty; expected a non-empty id");
        if (value.Contains('\t') || value.Contains('\n')) throw new DataFormatException(path, line.Number, "_id", "contains a tab or newline; expected an id that fits a TSV column");
        return value;
    }

    static string OptionalString(string path, TextLine line, JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return "";
        if (value.ValueKind != JsonValueKind.String)
            throw new DataFormatException(path, line.Number, name, $"a JSON {value.ValueKind.ToString().ToLowerInvariant()}; expected a string");
        return value.GetString()!;
    }

    internal static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

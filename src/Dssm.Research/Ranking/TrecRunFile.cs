using System.Globalization;

namespace Dssm.Research.Ranking;

/// <summary>
/// TREC run files, the input of trec_eval: one line per retrieved document,
/// <c>qid Q0 docid rank score tag</c>, whitespace-separated.
/// <para>
/// Scores are written with the shortest text that reads back to the same double ("R"), so a run
/// written and read again ranks — and evaluates — exactly as before, in this library and in trec_eval
/// (which orders by score, then document id descending, and ignores the rank column).
/// </para>
/// </summary>
public static class TrecRunFile
{
    /// <summary>Writes a run: queries in the run's order, documents in trec_eval order, ranks from 1.
    /// Ids and <paramref name="tag"/> (the last column) must follow the rules of <c>TrecLine.Id</c> (no whitespace
    /// or control characters, well-formed text); they are checked before anything is written.</summary>
    /// <exception cref="ArgumentException">an id or the tag cannot be written; the message names it.</exception>
    public static void Write(string path, RankedRun run, string tag = "dssm")
    {
        Check(run, tag);   // before the file is created: a run that cannot be written leaves no file
        using var writer = new StreamWriter(path);
        Write(writer, run, tag);
    }

    /// <summary>Writes a run to a text writer.</summary>
    public static void Write(TextWriter writer, RankedRun run, string tag = "dssm")
    {
        Check(run, tag);
        foreach (var q in run.QueryIds)
        {
            var rank = 0;
            foreach (var d in run.Ranked(q))
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{q} Q0 {d.DocId} {++rank} {d.Score:R} {tag}\n"));
        }
    }

    static void Check(RankedRun run, string tag)
    {
        TrecLine.Id(tag, "run tag");
        foreach (var q in run.QueryIds)
        {
            TrecLine.Id(q, "query id");
            foreach (var d in run.Ranked(q)) TrecLine.Id(d.DocId, "document id");
        }
    }

    /// <summary>Reads a run file. Blank lines are skipped; the Q0, rank and tag columns are read but not used.</summary>
    /// <exception cref="FormatException">a malformed line or a document listed twice for a query; the message names file:line and the field.</exception>
    public static RankedRun Read(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Parses run text; <paramref name="source"/> names it in errors.</summary>
    public static RankedRun Parse(TextReader reader, string source = "<run>")
    {
        var run = new RankedRun();
        var n = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            n++;
            var parts = TrecLine.Split(line);
            if (parts.Length == 0) continue;
            TrecLine.Fields(parts, 6, "qid Q0 docid rank score tag", source, n);
            TrecLine.Int(parts, 4, "rank", source, n);
            var score = TrecLine.Double(parts, 5, "score", source, n);
            if (!run.TryAdd(parts[0], parts[2], score))
                throw TrecLine.Error(source, n, 3, "docid", $"document '{parts[2]}' appears twice for query '{parts[0]}'");
        }
        return run;
    }
}

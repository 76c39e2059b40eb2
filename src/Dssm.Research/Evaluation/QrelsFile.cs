using Dssm.Research.Data;
using Dssm.Research.Ranking;

namespace Dssm.Research.Evaluation;

/// <summary>
/// Reads judgements in either form a user has at hand: TREC qrels (<c>qid iter docid rel</c>, what trec_eval
/// reads) or a BEIR folder's <c>qrels/SPLIT.tsv</c> (<c>query-id&lt;TAB&gt;corpus-id&lt;TAB&gt;score</c>, header
/// optional). The first line with text decides: three tab-separated fields is BEIR, anything else TREC.
/// </summary>
public static class QrelsFile
{
    /// <exception cref="FormatException">a malformed line; the message names file:line and the field.</exception>
    /// <exception cref="FileNotFoundException">no such file.</exception>
    public static Qrels Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such qrels file", path);
        var first = File.ReadLines(path).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        if (first is null) throw new FormatException($"{path}: empty; expected qrels lines qid 0 docid rel");
        if (first.TrimStart('\uFEFF').TrimEnd('\r').Split('\t').Length != 3) return Qrels.Read(path);
        var qrels = new Qrels();
        foreach (var row in BeirReader.ReadQrels(path)) qrels.Add(row.QueryId, row.DocumentId, row.Score);
        return qrels;
    }
}

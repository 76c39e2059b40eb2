using System.Globalization;
using System.Text;

namespace Dssm.Research.Data;

/// <summary>
/// What <c>dssm data stats</c> prints: counts, label balance, length histograms, vocabulary and how much a
/// query and its relevant documents share lexically (the quantity that decides whether BM25 can work; Huang et
/// al. 2013, §1). Words come from a simple local split (lower-cased runs of letters and digits; every Han
/// character a word), not the kit's tokenizers. Letter-n-gram coverage needs the word hasher: pass its
/// feature function as <c>features</c> (the extension point); without it the figure is absent, never guessed.
/// </summary>
public sealed class DatasetStats
{
    public int Documents { get; private init; }
    public int Queries { get; private init; }
    public IReadOnlyList<SplitStats> Splits { get; private init; } = [];
    public int Candidates { get; private init; }
    public IReadOnlyList<(string Bucket, int Queries, int Documents)> LengthHistogram { get; private init; } = [];
    public double MeanQueryWords { get; private init; }
    public double MeanDocumentWords { get; private init; }
    public int CorpusVocabulary { get; private init; }
    public int QueryVocabulary { get; private init; }
    /// <summary>Like <see cref="RelevantPairsSharingNoWord"/>, ignoring a short list of function words (the, to, 的 ...).</summary>
    public double RelevantPairsSharingNoContentWord { get; private init; }
    /// <summary>Share of query word occurrences that never occur in the corpus.</summary>
    public double QueryWordsNotInCorpus { get; private init; }
    /// <summary>Share of relevant (query, document) judgements, all splits, that share no word.</summary>
    public double RelevantPairsSharingNoWord { get; private init; }
    /// <summary>Share of the features of test (else dev) queries seen in the train queries and the corpus; null without <c>features</c>.</summary>
    public double? FeatureCoverage { get; private init; }

    /// <summary>One split's counts; <see cref="Negatives"/> are judgements with score ≤ 0.</summary>
    public sealed record SplitStats(string Name, int Queries, int Judgements, int Positives, int Negatives);

    static readonly (string Name, int Max)[] Buckets = [("1", 1), ("2", 2), ("3-4", 4), ("5-8", 8), ("9-16", 16), ("17-32", 32), ("33-64", 64), ("65-128", 128), (">128", int.MaxValue)];

    public static DatasetStats Compute(BeirDataset ds, Func<string, IEnumerable<string>>? features = null)
    {
        var docWords = ds.Documents.ToDictionary(d => d.Id, d => Words(d.FullText), StringComparer.Ordinal);
        var queryWords = ds.Queries.ToDictionary(q => q.Key, q => Words(q.Value), StringComparer.Ordinal);
        var corpusVocab = docWords.Values.SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
        var queryVocab = queryWords.Values.SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
        long occurrences = queryWords.Values.Sum(w => (long)w.Count);
        long missing = queryWords.Values.Sum(w => (long)w.Count(x => !corpusVocab.Contains(x)));
        int relevant = 0, disjoint = 0, contentDisjoint = 0;
        var splits = new List<SplitStats>();
        foreach (var split in ds.Splits)
        {
            var qrels = ds.Qrels(split);
            int pos = 0, neg = 0;
            foreach (var q in qrels.QueryIds)
                foreach (var (d, score) in qrels.For(q))
                {
                    if (score <= 0) { neg++; continue; }
                    pos++;
                    relevant++;
                    var qw = queryWords[q].ToHashSet(StringComparer.Ordinal);
                    if (!ds.TryGetDocument(d, out var doc)) continue;
                    if (!docWords[doc.Id].Any(qw.Contains)) disjoint++;
                    if (!docWords[doc.Id].Any(w => qw.Contains(w) && !FunctionWords.Contains(w))) contentDisjoint++;
                }
            splits.Add(new SplitStats(split, qrels.QueryIds.Count, qrels.Count, pos, neg));
        }
        var histogram = Buckets.Select((b, i) => (b.Name,
            queryWords.Values.Count(w => InBucket(w.Count, i)),
            docWords.Values.Count(w => InBucket(w.Count, i)))).ToList();

        double? coverage = null;
        if (features is not null)
        {
            var heldOut = ds.Splits.Contains("test") ? "test" : ds.Splits.Contains("dev") ? "dev" : null;
            var trainQueries = ds.Splits.Contains("train") ? ds.Qrels("train").QueryIds : [];
            var seen = ds.Documents.SelectMany(d => features(d.FullText)).Concat(trainQueries.SelectMany(q => features(ds.Queries[q]))).ToHashSet(StringComparer.Ordinal);
            var probe = (heldOut is null ? ds.Queries.Keys : ds.Qrels(heldOut).QueryIds).SelectMany(q => features(ds.Queries[q])).ToList();
            coverage = probe.Count == 0 ? null : probe.Count(seen.Contains) / (double)probe.Count;
        }
        return new DatasetStats
        {
            Documents = ds.Documents.Count,
            Queries = ds.Queries.Count,
            Splits = splits,
            Candidates = ds.Candidates.Values.Sum(c => c.Count),
            LengthHistogram = histogram,
            MeanQueryWords = queryWords.Count == 0 ? 0 : queryWords.Values.Average(w => w.Count),
            MeanDocumentWords = docWords.Count == 0 ? 0 : docWords.Values.Average(w => w.Count),
            CorpusVocabulary = corpusVocab.Count,
            QueryVocabulary = queryVocab.Count,
            QueryWordsNotInCorpus = occurrences == 0 ? 0 : missing / (double)occurrences,
            RelevantPairsSharingNoWord = relevant == 0 ? 0 : disjoint / (double)relevant,
            RelevantPairsSharingNoContentWord = relevant == 0 ? 0 : contentDisjoint / (double)relevant,
            FeatureCoverage = coverage,
        };
    }

    static readonly HashSet<string> FunctionWords = new(
        ["a", "an", "the", "to", "for", "of", "in", "on", "at", "by", "with", "and", "or", "is", "are", "it", "do", "does", "i", "my", "you", "your",
         "how", "what", "when", "where", "which", "can", "should", "from", "into", "this", "that", "的", "了", "吗", "和", "与", "在", "是"], StringComparer.Ordinal);

    static bool InBucket(int n, int i) => n <= Buckets[i].Max && (i == 0 || n > Buckets[i - 1].Max);

    /// <summary>The local word split described in the class comment.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            bool han = c is >= '\u4e00' and <= '\u9fff';
            if (char.IsLetterOrDigit(c) && !han) { current.Append(c); continue; }
            if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
            if (han) words.Add(c.ToString());
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }

    /// <summary>A plain-text report, one fact per line.</summary>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"documents                 {Documents:N0}");
        sb.AppendLine(inv, $"queries                   {Queries:N0}");
        foreach (var s in Splits)
            sb.AppendLine(inv, $"split {s.Name,-19} {s.Queries:N0} queries, {s.Judgements:N0} judgements ({s.Positives:N0} relevant, {s.Negatives:N0} not relevant)");
        if (Candidates > 0) sb.AppendLine(inv, $"candidates                {Candidates:N0}");
        sb.AppendLine(inv, $"mean length (words)       queries {MeanQueryWords:F1}, documents {MeanDocumentWords:F1}");
        sb.AppendLine("length histogram (words)  bucket: queries / documents");
        foreach (var (bucket, q, d) in LengthHistogram)
            if (q + d > 0) sb.AppendLine(inv, $"  {bucket,-8} {q,8:N0} / {d,8:N0}");
        sb.AppendLine(inv, $"vocabulary (words)        corpus {CorpusVocabulary:N0}, queries {QueryVocabulary:N0}");
        sb.AppendLine(inv, $"query words not in corpus {QueryWordsNotInCorpus:P1}");
        sb.AppendLine(inv, $"relevant pairs sharing no word {RelevantPairsSharingNoWord:P1} (no content word: {RelevantPairsSharingNoContentWord:P1})");
        sb.AppendLine(FeatureCoverage is { } c
            ? string.Format(inv, "feature coverage          {0:P1} of held-out query features seen in train queries + corpus", c)
            : "feature coverage          not computed: letter-n-gram coverage comes from the word hasher (pass its features to DatasetStats.Compute)");
        sb.AppendLine("(words: lower-cased letter/digit runs, one Han character per word; not the kit's tokenizers)");
        return sb.ToString();
    }
}

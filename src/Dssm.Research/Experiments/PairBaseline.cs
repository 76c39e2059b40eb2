using Dssm.Research.Data;
using Dssm.Research.Evaluation;
using Dssm.Research.Text;

namespace Dssm.Research.Experiments;

/// <summary>
/// <c>dssm baseline tfidf --pairs</c>: the TF-IDF cosine of each row's two texts (<see cref="PairTfIdf"/>), once on
/// an analyzer's words and once on character 1–3-grams, judged as a pair run is (<see cref="PairEvaluation"/>): AUC,
/// and the accuracy at the threshold tuned on the dev pairs. idf comes from the distinct texts of both files.
/// </summary>
public static class PairBaseline
{
    public static IReadOnlyList<PairEvaluation> TfIdf(string pairsFile, string? devPairsFile = null,
        AnalyzerKind analyzer = AnalyzerFactory.Default, TokenizerKind plainWords = TokenizerKind.Mixed)
    {
        var rows = Rows(pairsFile);
        var dev = devPairsFile is null ? null : Rows(devPairsFile);
        var idfRows = (dev ?? []).Concat(rows).Select(r => (r.Query, r.Doc)).ToList();
        var words = AnalyzerFactory.Create(analyzer, plainWords);
        var units = new (string Name, Func<string, IReadOnlyList<string>> Tokenize)[]
        {
            ($"tfidf(words:{AnalyzerFactory.NameOf(analyzer)})", words.Tokenize),
            ("tfidf(chars:1-3)", t => PairTfIdf.CharacterNGrams(t)),
        };
        return units.Select(u =>
        {
            IReadOnlyList<double> Score(List<PointwisePair> p) => PairTfIdf.Scores(p.Select(r => (r.Query, r.Doc)).ToList(), u.Tokenize, idfRows);
            var tuning = dev is null ? ((IReadOnlyList<double>, IReadOnlyList<int>, string)?)null : (Score(dev), dev.Select(r => r.Label).ToList(), Path.GetFileName(devPairsFile!));
            return PairEvaluation.Of(u.Name, Score(rows), rows.Select(r => r.Label).ToList(), tuning);
        }).ToList();
    }

    static List<PointwisePair> Rows(string file) => PointwiseReader.Read(file).ToList();
}

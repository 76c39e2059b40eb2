using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Text;
using Dssm.Research.Training;

namespace Dssm.Research.Experiments;

/// <summary>
/// <c>dssm train</c>: a new run on a BEIR folder (<see cref="Data"/>) or a pair file (<see cref="Pairs"/>), or the
/// resumption of <see cref="RunDirectory"/>, whose data comes from its config.json when neither is given.
/// </summary>
/// <param name="Stream">Pair files only: read block by block (<see cref="TrainOptions.StreamBuffer"/> = <see cref="StreamRows"/>
/// unless the options name a size).</param>
/// <param name="DevPairs">Pair files only: dev rows whose AUC early-stops the run (else <see cref="TrainOptions.PairDevFraction"/> holds some out).</param>
public sealed record TrainRequest(string RunDirectory, string? Data = null, string? Pairs = null, string Split = "train", bool Resume = false, bool Stream = false,
    string? DevPairs = null)
{
    /// <summary>
    /// The defaults of a pair-file run. The pair formats (pointwise, lcqmc, bq, atec, afqmc) hold two texts of the
    /// same kind — two questions, or a query and a text written in the same words — so one tower reads both (a
    /// siamese DSSM, as sentence-pair models such as Sentence-BERT are: Reimers &amp; Gurevych 2019), which halves the
    /// weights to learn from a few thousand rows and maps a text and its copy to cosine 1. Chinese words are
    /// featurized as jieba words plus their Han characters (<see cref="WordHashingOptions.ChineseCharacters"/>):
    /// paraphrases often share characters where their segmentations differ (北京 / 北京市). Pointwise loss on every row.
    /// <c>--shared-towers false</c> or a <c>--config</c> file gives the paper's two towers back.
    /// </summary>
    public static TrainOptions PairDefaults { get; } = new()
    {
        Loss = LossKind.Pointwise,
        Towers = new DssmOptions { SharedTowers = true },
        Hashing = new TrainOptions().Hashing with { ChineseCharacters = true },
    };

    /// <summary>Rows shuffled at a time by <see cref="Stream"/>.</summary>
    public const int StreamRows = 65_536;

    /// <summary>Trains. <paramref name="bind"/> turns the defaults — pointwise loss for a pair file, else
    /// the default recipe (<see cref="TrainRecipes"/>) — into the run's options (the command line's flags on top of them).</summary>
    /// <exception cref="ArgumentException">neither or both of a dataset and a pair file, or streaming without a pair file.</exception>
    public TrainResult Run(Func<TrainOptions, TrainOptions> bind, IReadOnlyDictionary<string, object?>? provenance = null, Action<TrainProgress>? progress = null)
    {
        var (data, pairs) = (Data, Pairs);
        if (Resume && data is null && pairs is null)
        {
            var recorded = new RunFolder(RunDirectory).ReadProvenance();
            (data, pairs) = (recorded.Data, recorded.Pairs);
        }
        var devPairs = DevPairs ?? (Resume && pairs is not null ? new RunFolder(RunDirectory).ReadProvenance().DevPairs : null);
        if ((data is null) == (pairs is null)) throw new ArgumentException("give exactly one of --data DIR or --pairs FILE.tsv");
        if (devPairs is not null && pairs is null) throw new ArgumentException("--dev-pairs early-stops a pair run: give --pairs FILE.tsv (a BEIR folder uses its dev split)");
        var options = bind(pairs is not null ? PairDefaults : TrainRecipes.Of(TrainRecipe.Default));
        if (Stream)
        {
            if (pairs is null) throw new ArgumentException("--stream reads a pair file: give --pairs FILE.tsv");
            if (options.StreamBuffer == 0) options = options with { StreamBuffer = StreamRows };
        }
        return pairs is not null
            ? Experiment.TrainPairs(pairs, RunDirectory, options, provenance, progress, Resume, devPairs)
            : Experiment.Train(data!, RunDirectory, options, Split, provenance, progress, Resume);
    }
}

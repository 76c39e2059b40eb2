using Dssm.Research.Losses;
using Dssm.Research.Training;

namespace Dssm.Research.Experiments;

/// <summary>
/// <c>dssm train</c>: a new run on a BEIR folder (<see cref="Data"/>) or a pair file (<see cref="Pairs"/>), or the
/// resumption of <see cref="RunDirectory"/>, whose data comes from its config.json when neither is given.
/// </summary>
/// <param name="Stream">Pair files only: read block by block (<see cref="TrainOptions.StreamBuffer"/> = <see cref="StreamRows"/>
/// unless the options name a size).</param>
public sealed record TrainRequest(string RunDirectory, string? Data = null, string? Pairs = null, string Split = "train", bool Resume = false, bool Stream = false)
{
    /// <summary>Rows shuffled at a time by <see cref="Stream"/>.</summary>
    public const int StreamRows = 65_536;

    /// <summary>Trains. <paramref name="bind"/> turns the defaults — pointwise loss for a pair file, else
    /// <see cref="TrainOptions"/>'s — into the run's options (the command line's flags on top of them).</summary>
    /// <exception cref="ArgumentException">neither or both of a dataset and a pair file, or streaming without a pair file.</exception>
    public TrainResult Run(Func<TrainOptions, TrainOptions> bind, IReadOnlyDictionary<string, object?>? provenance = null, Action<TrainProgress>? progress = null)
    {
        var (data, pairs) = (Data, Pairs);
        if (Resume && data is null && pairs is null)
        {
            var recorded = new RunFolder(RunDirectory).ReadProvenance();
            (data, pairs) = (recorded.Data, recorded.Pairs);
        }
        if ((data is null) == (pairs is null)) throw new ArgumentException("give exactly one of --data DIR or --pairs FILE.tsv");
        var options = bind(pairs is not null ? new TrainOptions { Loss = LossKind.Pointwise } : new TrainOptions());
        if (Stream)
        {
            if (pairs is null) throw new ArgumentException("--stream reads a pair file: give --pairs FILE.tsv");
            if (options.StreamBuffer == 0) options = options with { StreamBuffer = StreamRows };
        }
        return pairs is not null
            ? Experiment.TrainPairs(pairs, RunDirectory, options, provenance, progress, Resume)
            : Experiment.Train(data!, RunDirectory, options, Split, provenance, progress, Resume);
    }
}

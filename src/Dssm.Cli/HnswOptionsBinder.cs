using System.CommandLine;
using Dssm.Research.Retrieval;
using Dssm.Research.Text;

namespace Dssm.Cli;

/// <summary><c>--index exact|hnsw</c> and the HNSW graph's parameters, spelled the same on encode and evaluate.</summary>
public sealed class HnswOptionsBinder
{
    static readonly HnswOptions Defaults = new();

    public readonly Option<string> Index = new("--index") { Description = "exact (every document scored) | hnsw (an approximate HNSW graph, USearch).", DefaultValueFactory = _ => "exact" };
    public readonly Option<int> Connectivity = new("--hnsw-m") { Description = "HNSW: links per node (M).", DefaultValueFactory = _ => Defaults.Connectivity };
    public readonly Option<int> ExpansionAdd = new("--hnsw-ef-construction") { Description = "HNSW: candidate list while building (efConstruction).", DefaultValueFactory = _ => Defaults.ExpansionAdd };
    public readonly Option<int> ExpansionSearch = new("--hnsw-ef") { Description = "HNSW: candidate list while searching (ef).", DefaultValueFactory = _ => Defaults.ExpansionSearch };
    public readonly Option<int> Threads = new("--hnsw-threads") { Description = "HNSW: threads that build the graph and search a batch of queries (1: the same graph on every run).", DefaultValueFactory = _ => Defaults.Threads };

    public void AddTo(Command command)
    {
        command.Options.Add(Index);
        command.Options.Add(Connectivity);
        command.Options.Add(ExpansionAdd);
        command.Options.Add(ExpansionSearch);
        command.Options.Add(Threads);
    }

    public IndexKind Kind(ParseResult parse) => OptionName.Parse<IndexKind>(parse.GetValue(Index)!, "index");

    public HnswOptions Options(ParseResult parse) => new()
    {
        Connectivity = parse.GetValue(Connectivity), ExpansionAdd = parse.GetValue(ExpansionAdd), ExpansionSearch = parse.GetValue(ExpansionSearch),
        Threads = parse.GetValue(Threads),
    };
}

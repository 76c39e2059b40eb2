using System.CommandLine;
using Dssm.Cli;
using Dssm.Cli.Commands;

// The `dssm` command: each subcommand parses its options and calls one library entry point.
var root = new RootCommand("dssm — Deep Structured Semantic Model research kit (Huang et al., CIKM 2013) on TorchSharp.");
foreach (var command in new[]
{
    QuickstartCommand.Create(),
    TrainCommand.Create(),
    EvaluateCommand.Create(),
    BaselineCommand.Create(),
    ScoreCommand.Create(),
    CompareCommand.Create(),
    AblateCommand.Create(),
    ReportCommand.Create(),
    SearchCommands.Search(),
    SearchCommands.Encode(),
    ExportCommand.Create(),
    EnvCommand.Create(),
    BenchCommand.Create(),
    DataCommand.Create(),
    NotebooksCommand.Create(),
})
    root.Subcommands.Add(command);
// Our handler, not System.CommandLine's, so that expected errors print one line, not a stack trace.
return CliErrors.Run(() => root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));

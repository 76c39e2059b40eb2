using System.CommandLine;
using Dssm.Cli.Commands;

namespace Dssm.Cli;

/// <summary>The <c>dssm</c> command tree, and one call that runs it as the executable does (tests drive it in process).</summary>
public static class DssmApp
{
    /// <summary>Every subcommand under one root.</summary>
    public static RootCommand Root()
    {
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
        return root;
    }

    /// <summary>
    /// Parses and runs; a parse error (a missing or malformed option) and an expected failure alike print one
    /// <c>dssm: error:</c> line per problem and return 2 (see <see cref="CliErrors"/>). <c>--help</c> shows the options.
    /// </summary>
    public static int Run(string[] args) => CliErrors.Run(() =>
    {
        var parse = Root().Parse(args);
        if (parse.Errors.Count > 0 && !args.Any(a => a is "--help" or "-h" or "-?"))
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"dssm: error: {error.Message}");
            return CliErrors.BadInput;
        }
        // Our handler, not System.CommandLine's, so that expected errors print one line, not a stack trace.
        return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    });
}

using System.CommandLine;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm bench</c>: benchmarks that print figures (<c>key value</c> lines), one subcommand per library hot path.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks that print figures (one 'key value' line each); tests/Dssm.Research.Tests/PERFORMANCE.md compares them with reference implementations.");
        command.Subcommands.Add(BenchHashCommand.Create());
        command.Subcommands.Add(BenchTrainCommands.Train());
        command.Subcommands.Add(BenchTrainCommands.Encode());
        command.Subcommands.Add(BenchAnalyzeCommand.Create());
        command.Subcommands.Add(BenchIndexCommand.Create());
        return command;
    }
}

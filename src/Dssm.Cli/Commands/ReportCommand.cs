using System.CommandLine;
using Dssm.Research.Experiments;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm report</c>: ExperimentReport.Write.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var runs = new Option<string[]>("--runs") { Description = "Run folders, ablation folders or folders of evaluation reports.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "HTML file to write (report.md is written beside it).", DefaultValueFactory = _ => "report.html" };
        var title = new Option<string?>("--title") { Description = "Report title." };
        var command = new Command("report", "One self-contained HTML page (plotly.js embedded, works offline) with training curves, metric vs γ and J, and DSSM vs baselines; plus report.md with the reproducing commands and configs.") { runs, output, title };
        command.SetAction(parse =>
        {
            var (html, md) = ExperimentReport.Write(parse.GetValue(runs)!, parse.GetValue(output)!, parse.GetValue(title));
            Console.WriteLine($"report: {html}\nmarkdown: {md}");
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using Dssm.Research.Data;

namespace Dssm.Cli.Commands;

/// <summary>
/// <c>dssm data generate manpages --lang en|zh|zh_TW --out DIR [--man-dir DIR]</c>: the real-text
/// benchmark from Debian's manual pages (<see cref="ManPagesBenchmark"/>), built offline and printed with
/// its counts.
/// </summary>
public static class GenerateManPagesCommand
{
    public static Command Create()
    {
        var lang = new Option<string>("--lang") { Description = "en (manpages, manpages-dev) | zh (manpages-zh, simplified: zh_CN) | zh_TW (traditional).", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong([.. ManPagesBenchmark.LanguageNames]);
        var output = new Option<string>("--out") { Description = "Output folder (BEIR layout).", Required = true };
        var manDir = new Option<string?>("--man-dir") { Description = "Read the pages in this folder's man*/ subfolders instead of the files dpkg lists for the packages." };
        var command = new Command("manpages", "Build a known-item retrieval benchmark from Debian's manual pages (apt-get install manpages manpages-dev manpages-zh): query = the NAME line's description, document = the page's DESCRIPTION titled with its names; train/dev/test 70/15/15 by a hash of the page. Byte-identical on every run; prints what it read, skipped and merged.")
            { lang, output, manDir };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var outDir = parse.GetValue(output)!;
            var options = new ManPagesOptions(ManPagesBenchmark.ParseLanguage(parse.GetValue(lang)!), parse.GetValue(manDir));
            var summary = ManPagesBenchmark.Write(outDir, options);
            Console.Write(summary.ToText());
            Console.WriteLine($"wrote {outDir}");
            return 0;
        }));
        return command;
    }
}

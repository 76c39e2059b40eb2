using System.CommandLine;
using System.Globalization;
using Dssm.Research.Experiments;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm bench analyze</c>: AnalyzeBenchmark.Run.</summary>
public static class BenchAnalyzeCommand
{
    public static Command Create()
    {
        var texts = new Option<string>("--texts") { Description = "Text file, one text a line (UTF-8).", Required = true };
        var analyzer = new Option<string>("--analyzer") { Description = "lucene | lucene-jieba | english | smartcn | cjk | plain, or tokenizer:NAME for a DSSM tokenizer (english, chinese, chinese-chars, mixed).", DefaultValueFactory = _ => "lucene" };
        var threads = new Option<int>("--threads") { Description = "Threads (each takes every T-th line).", DefaultValueFactory = _ => 1 };
        var tokens = new Option<string?>("--tokens") { Description = "Also write each line's tokens (space-separated) here." };
        var command = new Command("analyze", "Analyse every line of --texts and print analyze_tokens_per_s, texts, tokens, seconds.") { texts, analyzer, threads, tokens };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(analyzer)!;
            var result = AnalyzeBenchmark.Run(AnalyzeBenchmark.Resolve(name), name, parse.GetValue(texts)!, parse.GetValue(threads), parse.GetValue(tokens));
            string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
            Console.WriteLine($"analysis {result.Analysis}");
            Console.WriteLine($"analyze_tokens_per_s {F(Math.Round(result.TokensPerSecond))}");
            Console.WriteLine($"texts {result.Texts}");
            Console.WriteLine($"tokens {result.Tokens}");
            Console.WriteLine($"seconds {F(result.Seconds)}");
            Console.WriteLine($"threads {result.Threads}");
            return 0;
        });
        return command;
    }
}

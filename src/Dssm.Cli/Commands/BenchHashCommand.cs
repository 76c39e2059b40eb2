using System.CommandLine;
using System.Diagnostics;
using Dssm.Research.Text;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm bench hash</c>: <see cref="HashingBenchmark.Run(string, int, WordHashingOptions, string?)"/>.</summary>
public static class BenchHashCommand
{
    public static Command Create()
    {
        var texts = new Option<FileInfo>("--texts") { Description = "Text file, one text a line (UTF-8).", Required = true };
        var threads = new Option<int>("--threads") { Description = "Featurizing threads (0 = one per core).", DefaultValueFactory = _ => 1 };
        var n = new Option<int>("--n") { Description = "Letter n-gram length (2-5).", DefaultValueFactory = _ => 3 };
        var buckets = new Option<int>("--buckets") { Description = "Hash buckets (input dimension).", DefaultValueFactory = _ => 1 << 15 };
        var tokenizer = new Option<string>("--tokenizer") { Description = "english | chinese | chinese-chars | mixed.", DefaultValueFactory = _ => "english" };
        var mode = new Option<string>("--mode") { Description = "hashing (the hashing trick) | vocabulary (first fit a vocabulary on --texts, untimed, then featurize with it).", DefaultValueFactory = _ => "hashing" };
        var vocabulary = new Option<FileInfo?>("--vocabulary") { Description = "A word hashing file saved by WordHasher.Save: benchmark it (vocabulary mode) instead of the hashing trick; --n, --buckets and --tokenizer are then taken from the file." };
        var command = new Command("hash", "Featurize every line of --texts (letter n-grams, hashing trick) and print hash_texts_per_s, texts, n-grams, seconds and peak RSS.");
        foreach (var option in new Option[] { texts, threads, n, buckets, tokenizer, mode, vocabulary }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var options = new WordHashingOptions
            {
                Mode = OptionName.Parse<WordHashingMode>(parse.GetValue(mode)!, "--mode"),
                N = parse.GetValue(n),
                Buckets = parse.GetValue(buckets),
                Tokenizer = TokenizerFactory.Parse(parse.GetValue(tokenizer)!),
            };
            var result = HashingBenchmark.Run(parse.GetValue(texts)!.FullName, parse.GetValue(threads), options, parse.GetValue(vocabulary)?.FullName);
            Console.Write(result.ToText(Process.GetCurrentProcess().PeakWorkingSet64));
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using Dssm.Research.Data;
using Dssm.Research.Experiments;
using Dssm.Research.Text;

namespace Dssm.Cli.Commands;

/// <summary>
/// <c>dssm data convert | check | stats | fetch | generate</c>: turn public formats into the BEIR layout,
/// validate a folder, describe it, download public sets, regenerate the embedded dataset.
/// Each action runs inside <see cref="CliErrors.Run"/> itself: System.CommandLine's own exception handler
/// would otherwise catch a <see cref="DataFormatException"/> first and print a stack trace.
/// </summary>
public static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "Datasets: convert public formats to BEIR, check, describe, fetch, and regenerate the embedded semantic-clicks set.");
        command.Subcommands.Add(Convert());
        command.Subcommands.Add(Check());
        command.Subcommands.Add(Stats());
        command.Subcommands.Add(Fetch());
        command.Subcommands.Add(Generate());
        command.Subcommands.Add(Pairs());
        return command;
    }

    static Option<bool> Lenient() => new("--lenient")
    {
        Description = "Skip malformed lines instead of stopping at the first one; every skipped line is listed (never a silent drop).",
    };

    static Command Convert()
    {
        var from = new Option<string>("--from") { Description = $"Input format: {string.Join(" | ", DataConversion.Formats)}.", Required = true };
        from.AcceptOnlyFromAmong([.. DataConversion.Formats]);
        var input = new Argument<string>("IN") { Description = "Input file (pointwise, clicklog, lcqmc, a WikiQA TSV) or release folder (WikiQACorpus, MS MARCO; for the pair formats train/dev/test .txt or .tsv, as LCQMC ships)." };
        var output = new Option<string>("--out") { Description = "Output folder (BEIR layout; pairs.tsv too for pair formats).", Required = true };
        var split = new Option<string>("--split") { Description = "Split for inputs without splits.", DefaultValueFactory = _ => "train" };
        var dev = new Option<double>("--dev-fraction") { Description = "Share of queries sent to dev, by a hash of the query id (0 = none).", DefaultValueFactory = _ => 0 };
        var test = new Option<double>("--test-fraction") { Description = "Share of queries sent to test, by a hash of the query id (0 = none).", DefaultValueFactory = _ => 0 };
        var lenient = Lenient();
        var command = new Command("convert", "Convert a public format to the BEIR layout (corpus.jsonl, queries.jsonl, qrels/, candidates.tsv). Ids for texts without one: q-/d- + 16 hex of SHA-256(text).");
        command.Options.Add(from);
        command.Arguments.Add(input);
        command.Options.Add(output);
        command.Options.Add(split);
        command.Options.Add(dev);
        command.Options.Add(test);
        command.Options.Add(lenient);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var result = DataConversion.Convert(parse.GetValue(from)!, parse.GetValue(input)!, parse.GetValue(output)!,
                new DataReadOptions(Lenient: parse.GetValue(lenient)), new ConvertOptions(parse.GetValue(split)!, parse.GetValue(dev), parse.GetValue(test)));
            Console.Write(result.ToText());
            return 0;
        }));
        return command;
    }

    static Command Check()
    {
        var dir = new Argument<string>("DIR") { Description = "A BEIR folder." };
        var lenient = Lenient();
        var dedup = new Option<bool>("--dedup") { Description = "Merge documents with the same title and text; report how many." };
        var command = new Command("check", "Read a BEIR folder with every check (line format, ids, cross-references, one split per query) and report counts per file.");
        command.Arguments.Add(dir);
        command.Options.Add(lenient);
        command.Options.Add(dedup);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var ds = BeirDataset.Load(parse.GetValue(dir)!, new DataReadOptions(Lenient: parse.GetValue(lenient), DeduplicateDocuments: parse.GetValue(dedup)));
            Console.Write(DataReadReport.ToText(ds.Reports));
            Console.WriteLine($"ok: {ds.Documents.Count:N0} documents, {ds.Queries.Count:N0} queries, splits {string.Join(", ", ds.Splits)}");
            return 0;
        }));
        return command;
    }

    static Command Stats()
    {
        var dir = new Argument<string>("DIR") { Description = "A BEIR folder." };
        var command = new Command("stats", "Counts, label balance, length histograms, vocabulary, and how often a query and its relevant documents share no word.");
        command.Arguments.Add(dir);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            Console.Write(DatasetStats.Compute(BeirDataset.Load(parse.GetValue(dir)!)).ToText());
            return 0;
        }));
        return command;
    }

    static Command Fetch()
    {
        var name = new Argument<string>("NAME") { Description = $"One of: {string.Join(", ", PublicDatasets.All.Select(d => d.Name))}." };
        var output = new Option<string>("--out") { Description = "Folder for the archive and its contents.", Required = true };
        var command = new Command("fetch", "Download a public dataset from its official URL (progress, SHA-256), unpack it, and print the convert command. Offline: says what to download by hand and where to put it.");
        command.Arguments.Add(name);
        command.Options.Add(output);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var fetcher = new DatasetFetcher(log: Console.Out);
            fetcher.FetchAsync(parse.GetValue(name)!, parse.GetValue(output)!).GetAwaiter().GetResult();
            return 0;
        }));
        return command;
    }

    static Command Generate()
    {
        var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => SyntheticClicks.DefaultDirectory };
        var seed = new Option<ulong>("--seed") { Description = "Generator seed; the default reproduces the committed dataset byte for byte.", DefaultValueFactory = _ => new SyntheticClicksOptions().Seed };
        var command = new Command("generate", "Regenerate the embedded dataset semantic-clicks (BEIR layout + README) from the lexicon in the library; byte-identical on every run.");
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Subcommands.Add(GenerateManPagesCommand.Create());
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var outDir = parse.GetValue(output)!;
            var ds = SyntheticClicks.Write(outDir, new SyntheticClicksOptions(Seed: parse.GetValue(seed)));
            Console.WriteLine($"wrote {outDir}: {ds.Documents.Count:N0} documents, {ds.Queries.Count:N0} queries");
            return 0;
        }));
        return command;
    }

    static Command Pairs()
    {
        var data = new Option<string>("--data") { Description = "BEIR folder.", DefaultValueFactory = _ => SyntheticClicks.DefaultDirectory };
        var split = new Option<string>("--split") { Description = "Split whose clicks are written.", DefaultValueFactory = _ => "train" };
        var output = new Option<string>("--out") { Description = "Pair file to write (label<TAB>query<TAB>doc).", Required = true };
        var rows = new Option<long>("--rows") { Description = "Rows to write; more than one pass cycles the clicks in a new order (0 = one pass).", DefaultValueFactory = _ => 0 };
        var negatives = new Option<int>("--negatives") { Description = "Rows labelled 0 after each click (unclicked documents).", DefaultValueFactory = _ => 4 };
        var hardRatio = new Option<double>("--hard-ratio") { Description = "Share of the J drawn from the query's BM25 top results instead of at random (0–1; e.g. 0.5).", DefaultValueFactory = _ => 0 };
        var hardPool = new Option<int>("--hard-pool") { Description = "BM25 results (clicks set aside) that hard negatives are drawn from.", DefaultValueFactory = _ => 20 };
        var analyzer = new Option<string>("--analyzer") { Description = "The BM25 analysis for hard negatives: lucene (default) | lucene-jieba | english | smartcn | cjk | plain.", DefaultValueFactory = _ => "lucene" };
        var negativesFrom = new Option<string>("--negatives-from") { Description = "corpus (default) | split: draw the 0s among the split's own judged documents, so that no dev or test document enters the training rows as a negative (known-item sets such as the man pages).", DefaultValueFactory = _ => "corpus" };
        negativesFrom.AcceptOnlyFromAmong("corpus", "split");
        var seed = CommonOptions.Seed();
        var command = new Command("pairs", "Write a split's clicks as pointwise rows: each click labelled 1, then J unclicked documents labelled 0 (random, or BM25-hard with --hard-ratio). --rows 1000000 makes a large file for streamed training (dssm train --pairs F --stream).")
            { data, split, output, rows, negatives, hardRatio, hardPool, analyzer, negativesFrom, seed };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var ds = BeirDataset.Load(parse.GetValue(data)!);
            var n = PairExporter.Write(ds, parse.GetValue(split)!, parse.GetValue(output)!, parse.GetValue(rows), parse.GetValue(negatives), parse.GetValue(seed),
                parse.GetValue(hardRatio), parse.GetValue(hardPool), AnalyzerFactory.Parse(parse.GetValue(analyzer)!), parse.GetValue(negativesFrom) == "split");
            Console.WriteLine($"wrote {parse.GetValue(output)}: {n:N0} rows ({new FileInfo(parse.GetValue(output)!).Length >> 20} MiB)");
            return 0;
        }));
        return command;
    }
}

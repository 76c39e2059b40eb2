using Dssm.Research.Tests.Data;

namespace Dssm.Research.Tests.Cli;

/// <summary>
/// Every command over missing, mismatched and malformed inputs, as a user meets them: each must end in exactly one
/// <c>dssm: error:</c> line that names the file, field or option at fault, exit code 2, and no stack trace.
/// Driven in process (<see cref="InProcessCli"/>), so a crash fails the test with the exception itself.
/// </summary>
[Collection("Console")]
public sealed class ErrorMatrixTests : IClassFixture<ErrorMatrixTests.Inputs>
{
    /// <summary>A small BEIR folder, damaged copies of it, and two tiny runs trained with different tokenizers.</summary>
    public sealed class Inputs : IDisposable
    {
        public readonly string Root = TestFiles.TempDir();
        public string Data { get; }
        public string Run => Path.Combine(Root, "run");
        public string OtherRun => Path.Combine(Root, "run-chars");   // trained with another tokenizer and n-gram size
        public string OtherIndex => Path.Combine(Root, "chars.index");

        public Inputs()
        {
            Data = Path.Combine(Root, "beir");
            CopyDir(Path.Combine(DssmCli.Repo(), "tests", "Dssm.Research.Tests", "EndToEnd", "fixtures", "beir"), Data);
            string[] tiny = ["--epochs", "1", "--max-steps-per-epoch", "2", "--batch", "4", "--negatives", "2", "--quiet", "--device", "cpu"];
            InProcessCli.Ok(["train", "--data", Data, "--out", Run, .. tiny]);
            InProcessCli.Ok(["train", "--data", Data, "--out", OtherRun, "--tokenizer", "chinese-chars", "--ngram", "2", .. tiny]);
            InProcessCli.Ok("encode", "--model", OtherRun, "--data", Data, "--out", OtherIndex, "--device", "cpu");
            // A run folder from another dataset: its own evaluation of its own data.
            var other = Damaged("other-data", d => File.WriteAllText(Path.Combine(d, "qrels", "test.tsv"), "query-id\tcorpus-id\tscore\nq12\tdoc12\t1\n"));
            InProcessCli.Ok("evaluate", "--model", OtherRun, "--data", other, "--device", "cpu");
            InProcessCli.Ok("evaluate", "--model", Run, "--data", Data, "--device", "cpu");
        }

        /// <summary>A copy of the dataset changed by <paramref name="damage"/>.</summary>
        public string Damaged(string name, Action<string> damage)
        {
            var dir = Path.Combine(Root, name);
            if (!Directory.Exists(dir)) { CopyDir(Data, dir); damage(dir); }
            return dir;
        }

        public string File_(string name, string text) => TestFiles.Write(Root, name, text);

        static void CopyDir(string from, string to)
        {
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }

    readonly Inputs x;
    public ErrorMatrixTests(Inputs inputs) => x = inputs;

    /// <summary>Case name → the arguments (built from the inputs) and what the one error line must name.</summary>
    static readonly Dictionary<string, (Func<Inputs, string[]> Args, Func<Inputs, string> Names)> Cases = new()
    {
        ["evaluate: no such split"] = (x => ["evaluate", "--model", x.Run, "--data", x.Data, "--split", "nosuch"], _ => "--split nosuch"),
        ["baseline: no such split"] = (x => ["baseline", "bm25", "--data", x.Data, "--split", "nosuch"], _ => "--split nosuch"),
        ["train: no such split"] = (x => ["train", "--data", x.Data, "--split", "nosuch", "--out", Path.Combine(x.Root, "never")], _ => "qrels/nosuch.tsv"),
        ["data pairs: no such split"] = (x => ["data", "pairs", "--data", x.Data, "--split", "nosuch", "--out", Path.Combine(x.Root, "p.tsv")], _ => "qrels/nosuch.tsv"),
        ["evaluate: candidates naming only unknown queries"] = (x => ["evaluate", "--model", x.Run, "--data", x.Data, "--candidates", x.File_("unknown-q.tsv", "nobody\tdoc1\n")], _ => "unknown-q.tsv: names none of the 4 queries of split 'test'"),
        ["evaluate: candidates naming only unknown documents"] = (x => ["evaluate", "--model", x.Run, "--data", x.Data, "--candidates", x.File_("unknown-d.tsv", "q12\tnodoc\n")], _ => "naming documents not in the corpus"),
        ["baseline: empty candidates"] = (x => ["baseline", "bm25", "--data", x.Data, "--candidates", "/dev/null"], _ => "/dev/null: no candidates"),
        ["evaluate: candidates file missing"] = (x => ["evaluate", "--model", x.Run, "--data", x.Data, "--candidates", Path.Combine(x.Root, "none.tsv")], x => $"{Path.Combine(x.Root, "none.tsv")}: no such candidates file"),
        ["evaluate: candidates line without a tab"] = (x => ["evaluate", "--model", x.Run, "--data", x.Data, "--candidates", x.File_("spaces.tsv", "q12\tdoc12\nq13 doc13\n")], _ => "spaces.tsv:2: expected qid<TAB>docid"),
        ["evaluate: --rerank candidates without candidates.tsv"] = (x => ["evaluate", "--model", x.Run, "--data", x.Data, "--rerank", "candidates"], _ => "candidates.tsv: no such file"),
        ["evaluate: --rerank bm25:x"] = (x => ["evaluate", "--model", x.Run, "--data", x.Data, "--rerank", "bm25:x"], _ => "--rerank bm25:x"),
        ["evaluate: --hybrid 2"] = (x => ["evaluate", "--model", x.Run, "--data", x.Data, "--hybrid", "2"], _ => "--hybrid '2'"),
        ["evaluate: --fusion nosuch"] = (x => ["evaluate", "--model", x.Run, "--data", x.Data, "--hybrid", "auto", "--fusion", "nosuch"], _ => "--fusion 'nosuch'"),
        ["evaluate: --hybrid auto without a dev split"] = (x => ["evaluate", "--model", x.Run, "--data", x.Damaged("no-dev", d => File.Delete(Path.Combine(d, "qrels", "dev.tsv"))), "--hybrid", "auto"], _ => "--hybrid auto: α is chosen on split 'dev'"),
        ["evaluate: an empty split"] = (x => ["evaluate", "--model", x.Run, "--data", x.Damaged("empty-test", d => File.WriteAllText(Path.Combine(d, "qrels", "test.tsv"), "query-id\tcorpus-id\tscore\n"))], _ => "qrels/test.tsv:1: no judgements"),
        ["baseline: a split without a relevant document"] = (x => ["baseline", "bm25", "--data", x.Damaged("no-relevant", d => File.WriteAllText(Path.Combine(d, "qrels", "test.tsv"), "query-id\tcorpus-id\tscore\nq12\tdoc12\t0\n"))], _ => "qrels/test.tsv: none of the 1 queries of split 'test' has a relevant document"),
        ["evaluate: --model is a dataset, not a run folder"] = (x => ["evaluate", "--model", x.Data, "--data", x.Data], x => Path.Combine(x.Data, "config.json")),
        ["evaluate: weights of a run with another tokenizer"] = (x => ["evaluate", "--model", MixedRun(x), "--data", x.Data], _ => "the vocabulary and the weights do not match"),
        ["search: an index encoded by a model with another tokenizer"] = (x => ["search", "--model", x.Run, "--index", x.OtherIndex, "--query", "tides"], x => $"{x.OtherIndex}: "),
        ["search: -k 0"] = (x => ["search", "--model", x.Run, "-k", "0", "--query", "tides"], _ => "--depth/-k 0"),
        ["search: -k abc"] = (x => ["search", "--model", x.Run, "-k", "abc", "--query", "tides"], _ => "'abc' for option '--depth'"),
        ["compare: run folders of two datasets"] = (x => ["compare", x.Run, x.OtherRun], _ => "--qrels:"),
        ["compare: a missing run file"] = (x => ["compare", Path.Combine(x.Root, "a.trec"), x.Run], x => Path.Combine(x.Root, "a.trec")),
        ["ablate: --values a,b for gamma"] = (x => ["ablate", "--data", x.Data, "--param", "gamma", "--values", "a,b", "--out", Path.Combine(x.Root, "abl")], _ => "--values: 'a' is not a number"),
        ["ablate: --param nosuch"] = (x => ["ablate", "--data", x.Data, "--param", "nosuch", "--values", "1", "--out", Path.Combine(x.Root, "abl")], _ => "--param nosuch"),
        ["ablate: --seeds x"] = (x => ["ablate", "--data", x.Data, "--param", "gamma", "--values", "1", "--seeds", "x", "--out", Path.Combine(x.Root, "abl")], _ => "--seeds: 'x'"),
        ["train: --config not JSON"] = (x => ["train", "--data", x.Data, "--out", Path.Combine(x.Root, "never"), "--config", x.File_("bad.json", "{gamma: ")], _ => "bad.json: not a TrainOptions JSON object"),
        ["train: --out holds a run"] = (x => ["train", "--data", x.Data, "--out", x.Run], _ => "already holds a run"),
        ["train: --pairs with a bad label"] = (x => ["train", "--pairs", x.File_("bad-label.tsv", "1\ta\tb\nx\ta\tb\n"), "--out", Path.Combine(x.Root, "never")], _ => "bad-label.tsv:2: label: 'x'"),
        ["train: --dev-pairs with a dataset"] = (x => ["train", "--data", x.Data, "--dev-pairs", x.File_("dev.tsv", "1\ta\tb\n"), "--out", Path.Combine(x.Root, "never")], _ => "--dev-pairs early-stops a pair run"),
        ["train: --dev-pairs with one label"] = (x => ["train", "--pairs", x.File_("two.tsv", "1\ta\tb\n0\ta\tc\n"), "--dev-pairs", x.File_("ones.tsv", "1\ta\tb\n"), "--out", Path.Combine(x.Root, "never")], _ => "the dev pairs need rows labelled 1 and rows labelled 0"),
        ["baseline: bm25 --pairs"] = (x => ["baseline", "bm25", "--pairs", x.File_("p.tsv", "1\ta\tb\n")], _ => "use dssm baseline tfidf"),
        ["baseline: neither --data nor --pairs"] = (x => ["baseline", "tfidf"], _ => "give --data DIR (or, for tfidf, --pairs FILE.tsv)"),
        ["data pairs: --hard-ratio 2"] = (x => ["data", "pairs", "--data", x.Data, "--hard-ratio", "2", "--out", Path.Combine(x.Root, "p.tsv")], _ => "the share of hard negatives must be in [0, 1]"),
        ["evaluate: --pairs empty"] = (x => ["evaluate", "--model", x.Run, "--pairs", "/dev/null"], _ => "/dev/null:0: file is empty"),
        ["data check: a bad JSON line"] = (x => ["data", "check", x.Damaged("bad-json", d => File.WriteAllText(Path.Combine(d, "corpus.jsonl"), "{\"_id\": \"doc0\", \"text\": \"a\"}\n{\"_id\": \"doc1\", \"text\": \n"))], _ => "corpus.jsonl:2: bad JSON"),
        ["data check: a query without text"] = (x => ["data", "check", x.Damaged("no-text", d => File.AppendAllText(Path.Combine(d, "queries.jsonl"), "{\"_id\": \"q99\"}\n"))], _ => "queries.jsonl:17"),
        ["data check: a missing folder"] = (x => ["data", "check", Path.Combine(x.Root, "nowhere")], x => Path.Combine(x.Root, "nowhere")),
        ["data stats: qrels naming an unknown document"] = (x => ["data", "stats", x.Damaged("unknown-doc", d => File.AppendAllText(Path.Combine(d, "qrels", "test.tsv"), "q12\tnodoc\t1\n"))], _ => "test.tsv:6: corpus-id"),
        ["data convert: WikiQA with a wrong header"] = (x => ["data", "convert", "--from", "wikiqa", x.File_("wikiqa.tsv", "Question\tSentence\tLabel\n"), "--out", Path.Combine(x.Root, "wq")], _ => "wikiqa.tsv:1: header"),
        ["data convert: a pair-format folder without split files"] = (x => ["data", "convert", "--from", "lcqmc", x.Damaged("no-split-files", d => { }), "--out", Path.Combine(x.Root, "lc")], _ => "no train, dev or test file"),
        ["data convert: an unknown format"] = (x => ["data", "convert", "--from", "nosuch", x.Data, "--out", Path.Combine(x.Root, "wq")], _ => "nosuch"),
        ["score: a missing qrels file"] = (x => ["score", "--qrels", Path.Combine(x.Root, "none.qrels"), "--run", Path.Combine(x.Run, "run-test.trec")], x => Path.Combine(x.Root, "none.qrels")),
        ["report: an empty folder"] = (x => ["report", "--runs", x.Damaged("empty", d => { foreach (var f in Directory.GetFiles(d, "*", SearchOption.AllDirectories)) File.Delete(f); }), "--out", Path.Combine(x.Root, "r.html")], _ => "no run folders"),
        ["evaluate: --model missing"] = (x => ["evaluate", "--data", x.Data], _ => "'--model' is required"),
        ["evaluate: --metrics ndcg@x"] = (x => ["evaluate", "--model", x.Run, "--data", x.Data, "--metrics", "ndcg@x"], _ => "metric 'ndcg@x'"),
    };

    /// <summary>The other tokenizer's featurizer put beside this run's weights.</summary>
    static string MixedRun(Inputs x)
    {
        var dir = Path.Combine(x.Root, "mixed-run-folder");
        if (Directory.Exists(dir)) return dir;
        foreach (var file in Directory.GetFiles(x.Run, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(x.Run, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.Copy(Path.Combine(x.OtherRun, "featurizer", "word-hasher.txt"), Path.Combine(dir, "featurizer", "word-hasher.txt"), overwrite: true);
        return dir;
    }

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Bad_input_is_one_error_line_naming_what_is_wrong_and_exit_code_2(string name)
    {
        var (args, names) = Cases[name];
        var argv = args(x);
        var (code, output, error) = InProcessCli.Run(argv);
        var all = output + error;
        var context = $"dssm {string.Join(' ', argv)}\n{all}";
        Assert.True(code == 2, $"exit code {code}, expected 2: {context}");
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Count(l => l.StartsWith("dssm: error: ", StringComparison.Ordinal)) == 1, $"expected one error line: {context}");
        Assert.Contains(names(x), lines.Single(l => l.StartsWith("dssm: error: ", StringComparison.Ordinal)));
        Assert.DoesNotContain("Unhandled exception", all);
        Assert.DoesNotContain("   at ", all);
        Assert.DoesNotContain("internal error", all);
    }

    [Fact]
    public void Candidates_of_other_splits_and_unknown_ids_are_counted_not_fatal()
    {
        // q1 is a train query, nobody is no query at all, nodoc no document; q12 and q13 are test queries.
        var file = x.File_("mixed.tsv", "q12\tdoc12\nq12\tnodoc\nq1\tdoc1\nnobody\tdoc1\nq13\tdoc13\nq13\tx0\n");
        var expected = $"candidates {file}: 3 pairs for 2 queries of the split; left out 1 query of other splits, 1 unknown query (not in queries.jsonl), 1 pair naming documents not in the corpus; 2 queries of the split without candidates (scored 0)";
        foreach (var command in new[] { new[] { "evaluate", "--model", x.Run, "--device", "cpu" }, ["baseline", "bm25"] })
        {
            var output = InProcessCli.Ok([.. command, "--data", x.Data, "--candidates", file]);
            Assert.Contains(expected, output);
            Assert.Contains("queries: 4 evaluated", output);   // the split's queries without candidates score 0, they are not dropped
        }
    }
}

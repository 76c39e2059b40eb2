using System.CommandLine;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
using Dssm.Research.Serving;
using Dssm.Research.Text;
using Dssm.Research.Training;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm bench train</c> and <c>dssm bench encode</c>: the workload of <see cref="ThroughputBenchmarkOptions"/>.</summary>
public static class BenchTrainCommands
{
    public static Command Train() => Create("train", "Training throughput on the benchmark workload (vocabulary 30,000; 300-300-128 tanh; batch 256; J=4; γ=10; Adam 1e-3; 30 Zipf ids a text; --sampler inbatch: each query against the batch's B clicked documents; --model cdssm: 10 words of 5 ids a text). Prints train_queries_per_s.", train: true);

    public static Command Encode() => Create("encode", "Encoding throughput of the document tower on the benchmark workload (4,096 texts a call). Prints encode_texts_per_s.", train: false);

    static Command Create(string name, string description, bool train)
    {
        var vocab = new Option<int>("--vocab") { Description = "Input dimension (letter-trigram vocabulary).", DefaultValueFactory = _ => 30000 };
        var batch = new Option<int>("--batch") { Description = "Queries per step.", DefaultValueFactory = _ => 256 };
        var negatives = new Option<int>("--negatives") { Description = "J, sampled documents per query.", DefaultValueFactory = _ => 4 };
        var model = new Option<string>("--model") { Description = "dssm (Huang et al. 2013) or cdssm (Shen et al. 2014).", DefaultValueFactory = _ => "dssm" };
        var sampler = new Option<string>("--sampler") { Description = "random (J sampled documents a query, the paper) or inbatch (the other B-1 clicked documents of the batch, one B×B product).", DefaultValueFactory = _ => "random" };
        var nnz = new Option<int?>("--nnz") { Description = "Ids per text (DSSM, default 30) or per word (CDSSM, default 5)." };
        var words = new Option<int>("--words") { Description = "CDSSM: words per text.", DefaultValueFactory = _ => 10 };
        var steps = new Option<int>("--steps") { Description = "Timed steps.", DefaultValueFactory = _ => 60 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed warm-up steps.", DefaultValueFactory = _ => 10 };
        var gamma = new Option<double>("--gamma") { Description = "γ, the softmax smoothing factor.", DefaultValueFactory = _ => 10 };
        var threads = new Option<int>("--threads") { Description = "libtorch intra-op threads.", DefaultValueFactory = _ => 2 };
        var zipf = new Option<double>("--zipf") { Description = "Zipf exponent of the id distribution (0 = uniform).", DefaultValueFactory = _ => 1.0 };
        var dense = new Option<bool>("--dense") { Description = "Dense Adam over all input rows (plain PyTorch's way) instead of lazy row updates." };
        var device = CommonOptions.Device();
        var engine = new Option<string>("--engine") { Description = "encode only: torch (TorchSharp, the default) | onnx (the exported graph on ONNX Runtime).", DefaultValueFactory = _ => "torch" };
        var command = new Command(name, description) { model, sampler, vocab, batch, negatives, nnz, words, steps, warmup, gamma, threads, zipf, dense, device };
        if (!train) command.Options.Add(engine);
        command.SetAction(parse =>
        {
            var kind = OptionName.Parse<ModelKind>(parse.GetValue(model)!, "model");
            var options = new ThroughputBenchmarkOptions
            {
                Model = kind, Sampler = SamplerKinds.Parse(parse.GetValue(sampler)!), WordsPerText = parse.GetValue(words),
                Vocabulary = parse.GetValue(vocab), Batch = parse.GetValue(batch), Negatives = parse.GetValue(negatives),
                Steps = train ? parse.GetValue(steps) : 1, Warmup = train ? parse.GetValue(warmup) : 1,
                Gamma = parse.GetValue(gamma), Threads = parse.GetValue(threads), Zipf = parse.GetValue(zipf), Lazy = !parse.GetValue(dense),
                Device = Devices.Parse(parse.GetValue(device)!),
            }.WithIdsPerBag(parse.GetValue(nnz));
            if (!train && OptionName.Parse<EncoderEngine>(parse.GetValue(engine)!, "engine") == EncoderEngine.Onnx)
            {
                var textsPerSecond = OnnxEncodeBenchmark.Run(options);
                Console.WriteLine($"dssm bench {name}: engine onnx (ONNX Runtime) threads {options.Threads}");
                Console.WriteLine($"encode_texts_per_s {textsPerSecond:F0}");
                return 0;
            }
            var r = ThroughputBenchmark.Run(options);
            var shape = kind == ModelKind.Cdssm ? $"{options.WordsPerText} words of {options.IdsPerWord} ids a text" : $"{options.IdsPerText} ids a text";
            Console.WriteLine($"dssm bench {name}: model {OptionName.Of(kind)} sampler {OptionName.Of(options.Sampler)} batch {options.Batch} {shape} device {r.Device} threads {r.Threads} input-layer {(options.Lazy ? "lazy" : "dense")}");
            if (train)
            {
                var docs = options.Sampler == SamplerKind.InBatch ? $"in-batch: {options.Batch - 1} negatives each" : $"each with 1+{options.Negatives} docs";
                Console.WriteLine($"train_queries_per_s {r.TrainQueriesPerSecond:F0}  ({docs}; {r.MillisecondsPerStep:F1} ms/step; loss {r.FinalLoss:F4})");
                var (f, b, u) = r.PhaseMilliseconds;
                var windows = kind == ModelKind.Cdssm ? $" (windows {r.WindowsMilliseconds:F1} of it)" : "";
                Console.WriteLine($"phases_ms forward {f:F1}{windows} backward {b:F1} optimizer {u:F1} (row gradients {r.CollectMilliseconds:F1} of it)");
                Console.WriteLine($"encode_texts_per_s {r.EncodeTextsPerSecond:F0}");
            }
            else Console.WriteLine($"encode_texts_per_s {r.EncodeTextsPerSecond:F0}");
            return 0;
        });
        return command;
    }
}

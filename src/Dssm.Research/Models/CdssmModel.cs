using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dssm.Research.Models;

/// <summary>
/// The convolutional DSSM (CLSM) of Shen et al. (2014): each word is a letter-trigram vector; a sliding
/// window of <see cref="DssmOptions.Window"/> words (zero-padded at the ends) is projected by a convolution
/// to <see cref="DssmOptions.Convolution"/> features with tanh; max pooling over positions keeps the
/// strongest local feature; a semantic layer maps to the 128-d y. The window projection W_c (window·V →
/// C) is stored as one hashed input layer of width window·C: word w contributes E[w, k, :] at offset k.
/// </summary>
public sealed class CdssmModel : nn.Module, ISemanticModel
{
    readonly CdssmTower query;
    readonly CdssmTower? document;

    public CdssmModel(int inputs, DssmOptions options) : base("cdssm")
    {
        Options = options;
        query = new CdssmTower("query", inputs, options);
        if (!options.SharedTowers) document = new CdssmTower("document", inputs, options);
        RegisterComponents();
    }

    public DssmOptions Options { get; }
    public ModelKind Kind => ModelKind.Cdssm;
    public bool ReadsWords => true;
    public nn.Module Module => this;

    public Tensor Forward(ModelBatch batch, TextSide side) =>
        (side == TextSide.Query || document is null ? query : document).Forward(batch);

    public IReadOnlyList<HashedInputLayer> InputLayers => document is null ? new[] { query.Input } : new[] { query.Input, document.Input };

    public IReadOnlyList<TorchSharp.Modules.Parameter> DenseParameters => parameters().Where(p => p.requires_grad).ToList();

    public Dictionary<string, Tensor> StateDict() => state_dict();

    /// <summary>One CDSSM tower: word-window convolution → max pooling → semantic layer.</summary>
    sealed class CdssmTower : nn.Module
    {
        readonly HashedInputLayer input;
        readonly Parameter convBias;
        readonly Linear semantic;
        readonly int window, width;
        readonly Activation activation;

        public CdssmTower(string name, int inputs, DssmOptions options) : base(name)
        {
            if (options.Window < 1) throw new ArgumentException("DssmOptions.Window must be at least 1");
            window = options.Window; width = options.Convolution; activation = options.Activation;
            input = new HashedInputLayer("input", inputs, window * width, options.LazyInputLayer, withBias: false);
            convBias = nn.Parameter(zeros(width));
            semantic = PaperInit.Linear(width, options.Output);
            RegisterComponents();
        }

        public HashedInputLayer Input => input;

        public Tensor Forward(ModelBatch batch)
        {
            var device = input.Weight.device;
            var words = batch.Bags.Count;
            var (windowIndex, poolIndex, longest) = Indices(batch.WordsPerText, words);
            var e = input.forward(SparseInput.From(batch.Bags, device)).view(words * window, width);         // (W·window, C)
            var padded = cat(new[] { e, zeros(1, width, device: device) });                                  // + a zero row
            var conv = padded.index_select(0, tensor(windowIndex, device: device))
                .view(-1, window, width).sum(1) + convBias;                                                   // (P, C)
            var h = activation.Apply(conv);
            using Scalar floor = -1e4f;                                                                        // explicit: see Training/Optimizer
            var withFloor = cat(new[] { h, full(1, width, floor, device: device) });                          // padding loses every max
            var pooled = withFloor.index_select(0, tensor(poolIndex, device: device))
                .view(batch.Texts, longest, width).amax(new long[] { 1 });                                    // (B, C)
            return activation.Apply(semantic.forward(pooled));                                               // (B, Output)
        }

        /// <summary>
        /// windowIndex (P·window): for word position t of a text and offset k, the row (word·window + k) of
        /// E to add, or the zero row. poolIndex (B·longest): position rows per text, padded with the floor row.
        /// A text with no words gets one position whose windows are all zero rows.
        /// </summary>
        (long[] WindowIndex, long[] PoolIndex, int Longest) Indices(int[] wordsPerText, int words)
        {
            var half = window / 2;
            var zeroRow = (long)words * window;
            var positions = wordsPerText.Sum(n => Math.Max(n, 1));
            var longest = Math.Max(1, wordsPerText.DefaultIfEmpty(1).Max());
            var windowIndex = new long[positions * window];
            var poolIndex = new long[wordsPerText.Length * longest];
            long floorRow = positions;
            int position = 0, firstWord = 0;
            for (var b = 0; b < wordsPerText.Length; b++)
            {
                var n = wordsPerText[b];
                for (var t = 0; t < Math.Max(n, 1); t++, position++)
                {
                    for (var k = 0; k < window; k++)
                    {
                        var w = t + k - half;
                        windowIndex[position * window + k] = n > 0 && w >= 0 && w < n ? (long)(firstWord + w) * window + k : zeroRow;
                    }
                    poolIndex[b * longest + t] = position;
                }
                for (var t = Math.Max(n, 1); t < longest; t++) poolIndex[b * longest + t] = floorRow;
                firstWord += n;
            }
            if (firstWord != words) throw new ArgumentException($"CDSSM batch has {words} word bags but WordsPerText sums to {firstWord}");
            return (windowIndex, poolIndex, longest);
        }
    }
}

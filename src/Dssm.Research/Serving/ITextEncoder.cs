using Dssm.Research.Models;

namespace Dssm.Research.Serving;

/// <summary>
/// Texts → unit-length semantic vectors through the query or the document tower, so that R(Q, D) = cos(y_Q, y_D)
/// is a dot product (Huang et al. 2013, §3.1). Implemented by the kit's TorchSharp model (<c>Experiments/TrainedModel</c>)
/// and by <see cref="OnnxEncoder"/>, which needs no libtorch; both give the same vectors to float round-off.
/// Safe to call from several threads at once.
/// </summary>
public interface ITextEncoder : IDisposable
{
    /// <summary>D, the length of each vector.</summary>
    int Dimension { get; }

    /// <summary>One unit vector (D) per text, in order.</summary>
    float[][] Encode(IReadOnlyList<string> texts, TextSide side, int batchSize = 1024);
}

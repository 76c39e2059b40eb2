using Dssm.Research.Text;

namespace Dssm.Research.Models;

/// <summary>
/// Model input for a list of texts. DSSM reads one bag per text; CDSSM reads one bag per word with
/// <see cref="WordsPerText"/> saying how many consecutive bags belong to each text.
/// </summary>
public sealed record ModelBatch(SparseBatch Bags, int[] WordsPerText)
{
    public int Texts => WordsPerText.Length;
}

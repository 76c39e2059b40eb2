namespace Dssm.Research.Experiments;

/// <summary>A retrieved document: rank (from 1), id, cosine and the document's text.</summary>
public sealed record SearchHit(int Rank, string DocId, double Score, string Text)
{
    /// <summary>Characters of the text shown on a line.</summary>
    public const int SnippetLength = 90;

    /// <summary>The text cut at <see cref="SnippetLength"/> characters, with an ellipsis when cut.</summary>
    public string Snippet => Text.Length > SnippetLength ? Text[..SnippetLength] + "…" : Text;

    public override string ToString() => $"{Rank,4}  {Score:F4}  {DocId}  {Snippet}";
}

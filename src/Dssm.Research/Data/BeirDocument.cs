namespace Dssm.Research.Data;

/// <summary>
/// One corpus entry of the BEIR layout (<c>corpus.jsonl</c>: <c>_id</c>, <c>title</c>, <c>text</c>).
/// DSSM reads a document as one bag of words (Huang et al. 2013, §3.2 uses the title only; BEIR sets
/// carry a body too), so <see cref="FullText"/> is what the towers see.
/// </summary>
public sealed record BeirDocument(string Id, string Title, string Text)
{
    /// <summary>Title and text joined by one space; either alone when the other is empty.</summary>
    public string FullText =>
        Title.Length == 0 ? Text : Text.Length == 0 ? Title : Title + " " + Text;
}

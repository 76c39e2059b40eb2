namespace Dssm.Research.Data;

/// <summary>Corpus-only pseudo-queries (<see cref="PseudoQueries"/>); named <c>none</c>, <c>ict</c>, <c>title</c>, <c>auto</c> in configs and on the command line.</summary>
public enum PseudoQueryKind
{
    /// <summary>Only the clicks of the training split.</summary>
    None,
    /// <summary>Inverse cloze task (Lee et al. 2019, ORQA §4): a sentence of a document is a query for that document.</summary>
    Ict,
    /// <summary>A document's title is a query for it (title → body pairs of the pre-training literature).</summary>
    Title,
    /// <summary>
    /// <see cref="Ict"/> when the training split has fewer clicks than the corpus has documents — a click set too
    /// small to teach the towers the corpus's words — else <see cref="None"/> (<see cref="PseudoQueries.Resolve"/>).
    /// </summary>
    Auto,
}

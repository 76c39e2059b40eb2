namespace Dssm.Research.Models;

/// <summary>Which tower encodes a text: queries and documents may have separate towers (the paper's design).</summary>
public enum TextSide { Query, Document }

namespace Dssm.Research.Data;

/// <summary>One decoded line: 1-based number and text without its line ending.</summary>
internal readonly record struct TextLine(long Number, string Text);

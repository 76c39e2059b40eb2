namespace Dssm.Research.Data;

/// <summary>One page file of a man-page benchmark's source.</summary>
/// <param name="Id">The file name without <c>.gz</c>: <c>open.2</c>, <c>sigevent.3type</c>, <c>ls.1</c>.</param>
/// <param name="Path">The file (a symbolic link for Debian's alias pages).</param>
/// <param name="Root">The folder above its <c>man*/</c> folder, from which a <c>.so man7/queue.7</c> is looked up.</param>
internal sealed record ManPageFile(string Id, string Path, string Root);

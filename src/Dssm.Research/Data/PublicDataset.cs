namespace Dssm.Research.Data;

/// <summary>One public dataset <c>dssm data fetch</c> knows: where the official archive is, its SHA-256 when the
/// kit has pinned one, its licence, and how to turn the download into the BEIR layout.</summary>
/// <param name="Name">What to type after <c>dssm data fetch</c>.</param>
/// <param name="Description">One line: what it is and how big.</param>
/// <param name="Url">Official download; null when the set is not openly hosted (then <paramref name="Manual"/> says how to get it).</param>
/// <param name="Sha256">Lower-case hex; null = not pinned yet (fetch then prints the digest it computed instead of checking).</param>
/// <param name="FileName">The archive's name in the fetch folder (where to put a manual download).</param>
/// <param name="Licence">The publisher's terms, in short.</param>
/// <param name="Convert">The command to run after the download, with <c>{dir}</c> for the fetch folder.</param>
/// <param name="Manual">How to obtain a set that has no URL.</param>
public sealed record PublicDataset(
    string Name, string Description, string? Url, string? Sha256, string FileName, string Licence, string Convert, string? Manual = null);

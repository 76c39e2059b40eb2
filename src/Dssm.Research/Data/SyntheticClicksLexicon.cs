namespace Dssm.Research.Data;

/// <summary>
/// The hand-written lexicon behind <see cref="SyntheticClicks"/>, read from the embedded <c>SyntheticClicksLexicon.txt</c>
/// (its header gives the format). Each domain has slot values (a destination, a dish, a condition...) and intents;
/// every intent and every slot value has <b>query-side</b> surface forms (how people type) and <b>document-side</b>
/// forms (how pages are written), chosen to share no word — "cheap flights to paris" against "low-cost airfare for a
/// trip to the french capital" — with morphological cousins ("rent"/"rentals", "freeze"/"freezing") that letter
/// trigrams can see and exact-word matching cannot. An intent's keyword is a query-side phrase that other documents
/// of the domain mention in passing: the distractors that share a query's words but not its meaning.
/// </summary>
internal static class SyntheticClicksLexicon
{
    internal sealed record Slot(string[] Query, string[] Doc);
    internal sealed record Intent(string Name, string Keyword, string[] Query, string[] Doc, string[] Titles);
    internal sealed record Domain(string Language, string Name, Slot[] Slots, Intent[] Intents);

    const string ResourceName = "Dssm.Research.Data.SyntheticClicksLexicon.txt";

    /// <summary>The file's sections in file order: header (<c>en travel slots</c>) → its lines.</summary>
    static readonly IReadOnlyList<(string Header, List<string> Lines)> Sections = Read();

    public static readonly Domain[] English = Domains("en");
    public static readonly Domain[] Chinese = Domains("zh");

    /// <summary>Sentences about a sibling intent's topic ({k} its query-side keyword, {q} this document's
    /// slot value as people type it): the words of another query, not its meaning.</summary>
    public static readonly string[] EnglishAsides = Lines("en asides");
    public static readonly string[] ChineseAsides = Lines("zh asides");
    public static readonly string[] EnglishFiller = Lines("en filler");
    public static readonly string[] ChineseFiller = Lines("zh filler");

    static string[] Alt(string s) => s.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    static Domain[] Domains(string language) =>
        Sections.Where(s => s.Header.StartsWith(language + " ", StringComparison.Ordinal) && s.Header.EndsWith(" slots", StringComparison.Ordinal))
            .Select(s => s.Header.Split(' ')[1])
            .Select(name => new Domain(language, name,
                Lines($"{language} {name} slots").Select(l => l.Split(';', StringSplitOptions.TrimEntries)).Select(p => new Slot(Alt(p[0]), Alt(p[1]))).ToArray(),
                Lines($"{language} {name} intents").Select(l => l.Split(';', StringSplitOptions.TrimEntries)).Select(p => new Intent(p[0], p[1], Alt(p[2]), Alt(p[3]), Alt(p[4]))).ToArray()))
            .ToArray();

    static string[] Lines(string header) =>
        Sections.SingleOrDefault(s => s.Header == header).Lines?.ToArray()
        ?? throw new InvalidDataException($"{ResourceName}: no section [{header}]");

    static List<(string, List<string>)> Read()
    {
        using var stream = typeof(SyntheticClicksLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the library.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var sections = new List<(string, List<string>)>();
        var n = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            n++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('[') && line.EndsWith(']')) sections.Add((line[1..^1], []));
            else if (sections.Count == 0) throw new InvalidDataException($"{ResourceName}:{n}: a line before the first [section]");
            else sections[^1].Item2.Add(line);
        }
        return sections;
    }
}

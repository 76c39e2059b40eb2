using System.Globalization;
using Dssm.Research.Ranking;
using static Dssm.Research.Data.SyntheticClicksLexicon;

namespace Dssm.Research.Data;

/// <summary>
/// The generator of the embedded default dataset, <c>datasets/semantic-clicks/</c>: a click log in BEIR
/// layout built so that a query and the page clicked under it usually share <b>no word</b> —
/// "cheap flights to paris" is answered by "low-cost airfare for a trip to the french capital" — while
/// other pages of the same topic mention the query's words in passing ("not to be confused with cheap
/// flights paris"). That is the situation Huang et al. (2013, §1) built DSSM for: lexical matching (BM25)
/// fails on vocabulary mismatch, a model trained on clicks learns that the two vocabularies mean the
/// same. The signal is learnable because each query-side form recurs across many training queries with
/// the same document-side vocabulary; the test queries are new combinations of forms seen in training.
/// <para>Construction: every (intent, slot value) of <see cref="SyntheticClicksLexicon"/> gets
/// <see cref="SyntheticClicksOptions.DocumentsPerIntentValue"/> pages (document pattern × document-side
/// slot form, plus one aside about a sibling intent and one filler sentence) and one query per (query
/// pattern × query-side slot form); each query is judged relevant (score 1) to all pages of its pair.
/// The phrasings of each pair are shuffled and split test / dev / train, so no query is in two splits;
/// in addition one query pattern per intent is held out of training altogether (its queries go to dev and
/// test), so the test split mixes new combinations of trained wording with wording never trained on.
/// Ids are opaque (<c>en-d0001</c>, <c>zh-q00001</c>) and pages are shuffled, so order gives nothing away.</para>
/// Deterministic: one <see cref="Rng"/> stream (its modulo mapping) from <see cref="SyntheticClicksOptions.Seed"/>,
/// ordinal string handling, <c>\n</c> endings; the same options write the same bytes on every machine.
/// </summary>
public static class SyntheticClicks
{
    /// <summary>Where the committed copy lives, relative to the repository root.</summary>
    public const string DefaultDirectory = "datasets/semantic-clicks";

    public static BeirDataset Generate(SyntheticClicksOptions? options = null)
    {
        options ??= new SyntheticClicksOptions();
        var rng = new Rng(options.Seed);
        var documents = new List<BeirDocument>();
        var queries = new List<KeyValuePair<string, string>>();
        var qrels = new Dictionary<string, Qrels>(StringComparer.Ordinal) { ["train"] = new(), ["dev"] = new(), ["test"] = new() };
        if (options.English) Part("en", English, EnglishAsides, EnglishFiller, options, rng, documents, queries, qrels);
        if (options.Chinese) Part("zh", Chinese, ChineseAsides, ChineseFiller, options, rng, documents, queries, qrels);
        return new BeirDataset(documents, queries, qrels.Where(q => q.Value.Count > 0));
    }

    /// <summary>Writes the dataset and its README (counts included) into <paramref name="dir"/>.</summary>
    public static BeirDataset Write(string dir, SyntheticClicksOptions? options = null)
    {
        options ??= new SyntheticClicksOptions();
        var ds = Generate(options);
        ds.Save(dir);
        File.WriteAllText(Path.Combine(dir, "README.md"), SyntheticClicksReadme.Render(ds, options), BeirWriter.Utf8);
        return ds;
    }

    static void Part(string lang, Domain[] domains, string[] asides, string[] filler, SyntheticClicksOptions options, Rng rng,
        List<BeirDocument> allDocs, List<KeyValuePair<string, string>> allQueries, Dictionary<string, Qrels> qrels)
    {
        bool zh = lang == "zh";
        var docs = new List<(int Pair, string Title, string Text)>();
        var queries = new List<(int Pair, string Split, string Text)>();
        int pair = 0;
        foreach (var domain in domains)
            foreach (var intent in domain.Intents)
            {
                // One query pattern per intent is never shown in training: its queries test generalisation to
                // new wording (letter n-grams help: "cheapest flight" vs the trained "cheap flights").
                var heldOut = options.HeldOutPatternPerIntent ? intent.Query[rng.NextModulo(intent.Query.Length)] : null;
                int slotIndex = 0;
                foreach (var slot in domain.Slots)
                {
                    for (int k = 0; k < options.DocumentsPerIntentValue; k++)
                    {
                        var form = slot.Doc[k % slot.Doc.Length];
                        var sibling = domain.Intents.Where(i => i != intent).ToList();
                        var aside = rng.PickModulo(asides).Replace("{k}", rng.PickModulo(sibling).Keyword).Replace("{q}", rng.PickModulo(slot.Query));
                        var body = Sentence(intent.Doc[k % intent.Doc.Length].Replace("{s}", form), zh);
                        var text = zh ? body + aside + rng.PickModulo(filler) : body + " " + aside + " " + rng.PickModulo(filler);
                        docs.Add((pair, Capitalise(intent.Titles[k % intent.Titles.Length].Replace("{s}", form)), text));
                    }
                    var phrasings = intent.Query.Where(p => p != heldOut).SelectMany(p => slot.Query.Select(f => p.Replace("{s}", f))).ToList();
                    rng.ShuffleModulo(phrasings);
                    for (int i = 0; i < phrasings.Count; i++)
                    {
                        var split = i < options.TestQueriesPerIntentValue ? "test"
                            : i < options.TestQueriesPerIntentValue + options.DevQueriesPerIntentValue ? "dev" : "train";
                        queries.Add((pair, split, phrasings[i]));
                    }
                    if (heldOut is not null)
                        for (int f = 0; f < slot.Query.Length; f++)   // alternate which form goes to test, so both kinds are tested
                            queries.Add((pair, (f + slotIndex) % 2 == 0 ? "test" : "dev", heldOut.Replace("{s}", slot.Query[f])));
                    pair++;
                    slotIndex++;
                }
            }
        rng.ShuffleModulo(docs);
        rng.ShuffleModulo(queries);
        var docIds = new List<string>[pair];
        for (int i = 0; i < pair; i++) docIds[i] = [];
        for (int i = 0; i < docs.Count; i++)
        {
            var id = $"{lang}-d{(i + 1).ToString("D4", CultureInfo.InvariantCulture)}";
            allDocs.Add(new BeirDocument(id, docs[i].Title, docs[i].Text));
            docIds[docs[i].Pair].Add(id);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < queries.Count; i++)
        {
            var (p, split, text) = queries[i];
            if (!seen.Add(text)) throw new InvalidOperationException($"lexicon error: the query '{text}' is generated for two intents; make the patterns distinct");
            var id = $"{lang}-q{(i + 1).ToString("D5", CultureInfo.InvariantCulture)}";
            allQueries.Add(new(id, text));
            foreach (var d in docIds[p].Order(StringComparer.Ordinal)) qrels[split].Add(id, d, 1);
        }
    }

    static string Sentence(string s, bool zh) => zh ? s + "。" : Capitalise(s) + ".";

    static string Capitalise(string s) => s.Length == 0 || !char.IsAsciiLetterLower(s[0]) ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

using Dssm.Research.Training;

namespace Dssm.Research.Tests.Training;

/// <summary>A small click log where each query's clicked document shares no word with it, only a topic.</summary>
static class SyntheticClicks
{
    static readonly string[][] QueryWords =
    {
        new[] { "cheap", "flights", "paris" }, new[] { "bake", "bread", "recipe" }, new[] { "fix", "laptop", "screen" },
        new[] { "learn", "guitar", "chords" }, new[] { "buy", "running", "shoes" }, new[] { "cure", "sore", "throat" },
        new[] { "invest", "index", "funds" }, new[] { "train", "puppy", "sit" },
    };
    static readonly string[][] DocWords =
    {
        new[] { "lowcost", "airfare", "france", "trip" }, new[] { "dough", "yeast", "oven", "loaf" }, new[] { "notebook", "display", "repair", "panel" },
        new[] { "strum", "fret", "acoustic", "lesson" }, new[] { "sneakers", "jogging", "footwear", "store" }, new[] { "honey", "lemon", "cough", "remedy" },
        new[] { "portfolio", "etf", "market", "returns" }, new[] { "dog", "obedience", "treats", "command" },
    };

    public static ClickData Make(int queriesPerTopic = 12, int docsPerTopic = 6, int seed = 1)
    {
        var rng = new Random(seed);
        var docs = new List<(string, string)>(); var queries = new List<(string, string)>(); var clicks = new List<(int, int)>();
        for (var t = 0; t < QueryWords.Length; t++)
            for (var i = 0; i < docsPerTopic; i++)
                docs.Add(($"d{t}-{i}", string.Join(' ', DocWords[t].OrderBy(_ => rng.Next()).Take(3))));
        for (var t = 0; t < QueryWords.Length; t++)
            for (var i = 0; i < queriesPerTopic; i++)
            {
                queries.Add(($"q{t}-{i}", string.Join(' ', QueryWords[t].OrderBy(_ => rng.Next()).Take(2))));
                clicks.Add((queries.Count - 1, t * docsPerTopic + rng.Next(docsPerTopic)));
            }
        return new ClickData(docs, queries, clicks);
    }
}

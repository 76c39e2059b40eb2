using System.Text.RegularExpressions;
using Dssm.Research.Tests.Data;

namespace Dssm.Research.Tests.Architecture;

/// <summary>
/// The folders of <c>src/Dssm.Research</c> in data-flow order: a folder may use only the folders before it
/// (text → ranking data → datasets → runtime → towers → loss → negatives → training → serving (exported towers) → retrieval → metrics →
/// reports → experiments). The test reads the source: <c>using Dssm.Research.X</c> (also <c>using static</c> and
/// aliases), fully qualified <c>Dssm.Research.X.Name</c>, and a sibling-qualified <c>X.Name</c> where Name is a
/// type declared in folder X — comments and string literals are not read.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>Bottom to top.</summary>
    static readonly string[] Flow =
        ["Text", "Ranking", "Data", "Runtime", "Models", "Losses", "Sampling", "Training", "Serving", "Retrieval", "Evaluation", "Reporting", "Experiments"];

    static string Library => Path.Combine(TestFiles.RepoRoot, "src", "Dssm.Research");

    [Fact]
    public void Every_folder_of_the_library_has_a_place_in_the_flow()
    {
        var folders = Directory.GetDirectories(Library).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).Order();
        Assert.Equal(Flow.Order(), folders);
    }

    [Fact]
    public void Every_reference_between_folders_points_down_the_flow()
    {
        var upward = Violations(Directory.GetFiles(Library, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(f => (Folder: Path.GetRelativePath(Library, f).Split(Path.DirectorySeparatorChar)[0], Name: Path.GetRelativePath(Library, f), Text: File.ReadAllText(f))));
        Assert.True(upward.Count == 0, "references up the flow:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void An_upward_using_is_caught()
    {
        var files = new[]
        {
            ("Data", "Data/Bad.cs", "using Dssm.Research.Evaluation;\nnamespace Dssm.Research.Data;\nclass Bad { }\n"),
            ("Data", "Data/Good.cs", "using Dssm.Research.Ranking;\nusing Dssm.Research.Text;\nnamespace Dssm.Research.Data;\nclass Good { }\n"),
            ("Evaluation", "Evaluation/Metric.cs", "namespace Dssm.Research.Evaluation;\nclass Metric { }\n"),
        };
        Assert.Equal(["Data/Bad.cs: Data uses Evaluation (using Dssm.Research.Evaluation)"], Violations(files));
    }

    [Fact]
    public void Qualified_and_sibling_qualified_references_are_caught_but_not_comments_or_strings()
    {
        var files = new[]
        {
            ("Text", "Text/Tok.cs", "namespace Dssm.Research.Text;\n// see Dssm.Research.Training.Trainer\nclass Tok { string s = \"Dssm.Research.Training.Trainer\"; Training.Trainer? t; }\n"),
            ("Ranking", "Ranking/Run.cs", "namespace Dssm.Research.Ranking;\nclass Run { object o = new Dssm.Research.Models.Net(); }\n"),
            ("Training", "Training/Trainer.cs", "namespace Dssm.Research.Training;\nsealed class Trainer { }\n"),
            ("Models", "Models/Net.cs", "using static Dssm.Research.Text.Tok;\nnamespace Dssm.Research.Models;\nclass Net { }\n"),
        };
        Assert.Equal(["Ranking/Run.cs: Ranking uses Models (Dssm.Research.Models.Net)", "Text/Tok.cs: Text uses Training (Training.Trainer)"],
            Violations(files).Order());
    }

    static List<string> Violations(IEnumerable<(string Folder, string Name, string Text)> files)
    {
        var sources = files.Select(f => (f.Folder, f.Name, Code: CodeOnly(f.Text))).ToList();
        var declared = sources.GroupBy(s => s.Folder).ToDictionary(g => g.Key,
            g => g.SelectMany(s => Declaration.Matches(s.Code).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal));
        var found = new List<string>();
        foreach (var (folder, name, code) in sources)
        {
            var here = Array.IndexOf(Flow, folder);
            var uses = Qualified.Matches(code).Select(m => (Target: m.Groups[1].Value, Text: m.Value.TrimEnd('.', ';')))
                .Concat(Flow.SelectMany(target => Regex.Matches(code, $@"(?<![\w.]){target}\.(\w+)")
                    .Where(m => declared.TryGetValue(target, out var types) && types.Contains(m.Groups[1].Value))
                    .Select(m => (Target: target, Text: m.Value))));
            foreach (var (target, text) in uses.Distinct())
            {
                var there = Array.IndexOf(Flow, target);
                if (there > here) found.Add($"{name}: {folder} uses {target} ({text})");
            }
        }
        return found;
    }

    /// <summary><c>using Dssm.Research.X;</c>, <c>using static Dssm.Research.X.T;</c>, <c>using A = Dssm.Research.X.T;</c> and any <c>Dssm.Research.X.T</c> in code.</summary>
    static readonly Regex Qualified = new(@"(?:using\s+)?Dssm\.Research\.(\w+)(?:\.\w+)?;?");

    static readonly Regex Declaration = new(@"\b(?:class|struct|interface|enum|record(?:\s+struct|\s+class)?)\s+(\w+)");

    /// <summary>The source without comments, string (also raw and verbatim) and character literals (their contents are no reference).</summary>
    static string CodeOnly(string source) =>
        Regex.Replace(source, @"\$*"""""".*?""""""|//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|\$?""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)'", m => m.Value.StartsWith('/') ? " " : "\"\"",
            RegexOptions.Singleline);
}

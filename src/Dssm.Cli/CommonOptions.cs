using System.CommandLine;

namespace Dssm.Cli;

/// <summary>Options shared by several commands, spelled the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<int> Threads() => new("--threads")
    {
        Description = "libtorch intra-op threads (0 = libtorch's default, usually one per core).",
        DefaultValueFactory = _ => 0,
    };

    public static Option<string> Device() => new("--device")
    {
        Description = "auto | cpu | cuda. auto picks CUDA when libtorch reports a usable GPU.",
        DefaultValueFactory = _ => "auto",
    };

    /// <summary>Documents per query (trec_eval's ranking depth): <c>--depth</c>, also <c>-k</c>.</summary>
    public static Option<int> Depth(int defaultValue, string description)
    {
        var option = new Option<int>("--depth", "-k") { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            // The token, not GetValueOrDefault: that throws when the text is not a number (reported by the parser itself).
            if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[^1].Value, out var k) && k < 1)
                result.AddError($"--depth/-k {k}: expected a number of documents ≥ 1");
        });
        return option;
    }

    public static Option<int> Seed() => new("--seed")
    {
        Description = "Seed for every random choice; the same seed gives the same numbers.",
        DefaultValueFactory = _ => 42,
    };
}

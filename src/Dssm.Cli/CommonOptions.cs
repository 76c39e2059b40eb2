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

    public static Option<int> Seed() => new("--seed")
    {
        Description = "Seed for every random choice; the same seed gives the same numbers.",
        DefaultValueFactory = _ => 42,
    };
}

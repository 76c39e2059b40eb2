using Dssm.Research.Training;

namespace Dssm.Cli;

/// <summary>Training progress on stderr: one updating line on a terminal, plain lines otherwise; nothing with --quiet.</summary>
public static class Progress
{
    public static Action<TrainProgress>? For(bool quiet)
    {
        if (quiet) return null;
        var terminal = !Console.IsErrorRedirected;
        return p =>
        {
            if (p.Dev is { } dev)
            {
                if (terminal) Console.Error.Write("\r\u001b[K");
                Console.Error.WriteLine($"epoch {p.Epoch}/{p.Epochs}  dev {p.DevMetric} {dev:F4}");
                if (p.Warning is { } warning) Console.Error.WriteLine($"warning: {warning}");
                return;
            }
            if (double.IsNaN(p.Loss)) return;
            var bar = new string('#', (int)(20.0 * p.Step / Math.Max(1, p.StepsPerEpoch))).PadRight(20, '.');
            var line = $"epoch {p.Epoch}/{p.Epochs} [{bar}] {p.Step}/{p.StepsPerEpoch}  loss {p.Loss:F4}  {p.QueriesPerSecond:F0} queries/s";
            if (terminal) Console.Error.Write("\r\u001b[K" + line);
            else Console.Error.WriteLine(line);
        };
    }
}

using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dssm.Research.Models;

/// <summary>The paper's initialisation: weights U(−√(6/(fan_in+fan_out)), +√(…)), biases 0 (Huang et al. 2013, §3.4).</summary>
public static class PaperInit
{
    public static Linear Linear(int inputs, int outputs)
    {
        var layer = nn.Linear(inputs, outputs);
        using (no_grad())
        {
            var limit = Math.Sqrt(6.0 / (inputs + outputs));
            layer.weight!.uniform_(-limit, limit);
            layer.bias!.zero_();
        }
        return layer;
    }
}

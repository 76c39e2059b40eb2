using System.CommandLine;
using Dssm.Research.Runtime;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm env</c>: what TorchSharp backend, libtorch and devices this process found.</summary>
public static class EnvCommand
{
    public static Command Create()
    {
        var threads = CommonOptions.Threads();
        var device = CommonOptions.Device();
        var command = new Command("env", "Print the TorchSharp backend, the libtorch that was loaded (path, version), the native patch, threads and CUDA availability. Run this first when something is wrong.");
        command.Options.Add(threads);
        command.Options.Add(device);
        command.SetAction(parse =>
        {
            var env = TorchRuntime.Initialize();
            TorchRuntime.SetThreads(parse.GetValue(threads));
            var chosen = Devices.Resolve(Devices.Parse(parse.GetValue(device)!));
            Console.WriteLine($"backend            {env.Backend}");
            Console.WriteLine($"torchsharp         {env.TorchSharpVersion}");
            Console.WriteLine($"libtorch           {env.LibTorchVersion}");
            Console.WriteLine($"libtorch path      {env.LibTorchDirectory ?? "(beside the app, loaded by TorchSharp)"}");
            Console.WriteLine($"libtorchsharp      {env.LibTorchSharpPath ?? "(beside the app, loaded by TorchSharp)"}");
            Console.WriteLine($"native patch       {env.NativePatch}");
            Console.WriteLine($"loaded by          {env.LoadedBy}");
            Console.WriteLine($"threads            {TorchSharp.torch.get_num_threads()}");
            Console.WriteLine($"omp wait policy    {env.OmpWaitPolicy}");
            Console.WriteLine($"malloc             {env.Malloc}");
            Console.WriteLine($"cuda available     {(env.CudaAvailable ? $"yes ({env.CudaDevices} device(s))" : "no")}");
            Console.WriteLine($"device (--device)  {chosen.type.ToString().ToLowerInvariant()}");
            Console.WriteLine($"os                 {System.Runtime.InteropServices.RuntimeInformation.OSDescription} {System.Runtime.InteropServices.RuntimeInformation.OSArchitecture}");
            Console.WriteLine($".net               {Environment.Version}");
            return 0;
        });
        return command;
    }
}

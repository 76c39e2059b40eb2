using System.Diagnostics;
using System.Reactive.Linq;
using System.Text;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Dssm.Notebooks;

/// <summary>
/// Runs <c>.dib</c> notebooks headless, the way a reader would in VS Code: every cell in order in
/// one C# kernel with <c>#r "nuget: …"</c> and <c>#i</c>, stopping at the first cell that fails,
/// and writes the executed notebook as <c>.ipynb</c> (outputs included) and as a self-contained
/// HTML page, so that a run is a report.
/// <para>
/// Why our own runner and not only dotnet-repl: dotnet-repl and the dotnet-interactive tool bundle
/// FSharp.Core 10.0; this host is built on the Microsoft.DotNet.Interactive packages with
/// FSharp.Core 10.1.403, we control the working directory, the quick-mode variable and the error
/// message (notebook, cell number, error), and it runs inside <c>dotnet test</c>.
/// </para>
/// <para>
/// The host process must not have Dssm.Research or TorchSharp on its own load path, or a notebook's
/// <c>#r "nuget: Dssm.Research"</c> binds to those copies: the test project does not reference them,
/// and <c>dssm notebooks run</c> starts this assembly as a child process (<see cref="Program"/>).
/// Cell numbers count every cell of the file, markdown included, as VS Code does.
/// </para>
/// <para>
/// Like VS Code, each notebook runs with the process working directory set to the notebook's
/// folder, in a fresh kernel. Package extensions: after a <c>#r "nuget: …"</c> the runner runs the
/// package's <c>interactive-extensions/dotnet/extension.dib</c>, as dotnet-interactive does
/// (extension DLLs implementing IKernelExtension are not loaded).
/// </para>
/// </summary>
public sealed class NotebookRunner(NotebookRunOptions options)
{
    /// <summary>The environment variable a notebook's parameter cell reads: "1" means quick mode.</summary>
    public const string QuickVariable = "DSSM_NOTEBOOK_QUICK";

    static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Runs the notebooks one after the other; stops after the first that fails.</summary>
    public async Task<IReadOnlyList<NotebookResult>> RunAllAsync(IEnumerable<string> notebooks, CancellationToken cancellationToken = default)
    {
        var results = new List<NotebookResult>();
        foreach (var notebook in notebooks)
        {
            var result = await RunAsync(notebook, cancellationToken);
            results.Add(result);
            if (!result.Succeeded) break;
        }
        return results;
    }

    /// <summary>Runs one notebook. A failing cell is reported in the result, not thrown.</summary>
    public async Task<NotebookResult> RunAsync(string notebookPath, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(notebookPath);
        if (!File.Exists(path)) throw new FileNotFoundException($"notebook {notebookPath} does not exist", notebookPath);
        var kernelInfos = KernelInfos();
        InteractiveDocument document;
        using (var stream = File.OpenRead(path))
            document = path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)
                ? Notebook.Read(stream, kernelInfos)
                : CodeSubmission.Read(stream, kernelInfos);

        // The process-wide working directory and environment are shared: one notebook at a time.
        await OneAtATime.WaitAsync(cancellationToken);
        var previousDirectory = Environment.CurrentDirectory;
        var previousQuick = Environment.GetEnvironmentVariable(QuickVariable);
        try
        {
            Environment.CurrentDirectory = Path.GetDirectoryName(path)!;
            Environment.SetEnvironmentVariable(QuickVariable, options.Quick ? "1" : previousQuick);
            return await ExecuteAsync(notebookPath, path, document, cancellationToken);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            Environment.SetEnvironmentVariable(QuickVariable, previousQuick);
            OneAtATime.Release();
        }
    }

    async Task<NotebookResult> ExecuteAsync(string displayName, string path, InteractiveDocument document, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var pendingExtensions = new List<FileInfo>();
        using var kernel = CreateKernel(pendingExtensions);
        var executed = new InteractiveDocument();
        var cells = new List<CellResult>();
        var number = 0;
        foreach (var element in document.Elements)
        {
            number++;
            var kernelName = string.IsNullOrEmpty(element.KernelName) ? "csharp" : element.KernelName;
            if (kernelName is "markdown" or "md")
            {
                executed.Add(new InteractiveDocumentElement(element.Contents, "markdown"));
                continue;
            }
            options.Log?.Invoke($"  cell {number} ({kernelName}) …");
            var cellClock = Stopwatch.StartNew();
            var (outputs, error) = await SubmitAsync(kernel, element.Contents, kernelName, cancellationToken);
            // A #r "nuget: …" in this cell may have brought a package with an extension script.
            foreach (var extension in pendingExtensions.ToList())
            {
                pendingExtensions.Remove(extension);
                var (_, extensionError) = await SubmitAsync(kernel, ExtensionCode(extension), "csharp", cancellationToken);
                if (extensionError is not null && error is null)
                    error = $"the extension script {extension.FullName} failed: {extensionError}";
            }
            executed.Add(new InteractiveDocumentElement(element.Contents, kernelName, outputs));
            cells.Add(new CellResult(number, kernelName, cellClock.Elapsed, error));
            options.Log?.Invoke(error is null
                ? $"  cell {number} ok ({cellClock.Elapsed.TotalSeconds:0.0} s)"
                : $"  cell {number} FAILED: {error}");
            if (error is not null) break;
        }
        var (ipynb, html) = Write(path, executed, cells);
        return new NotebookResult(displayName, cells, clock.Elapsed, ipynb, html);
    }

    static CompositeKernel CreateKernel(List<FileInfo> pendingExtensions)
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((k, references) =>
            {
                k.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                foreach (var reference in references)
                {
                    var script = new FileInfo(Path.Combine(reference.PackageRoot, "interactive-extensions", "dotnet", "extension.dib"));
                    if (script.Exists) pendingExtensions.Add(script);
                }
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseValueSharing();
        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;
        return composite;
    }

    /// <summary>The C# cells of an extension script, joined (our extension scripts hold C# only).</summary>
    static string ExtensionCode(FileInfo script)
    {
        var doc = CodeSubmission.Parse(File.ReadAllText(script.FullName), KernelInfos());
        return string.Join("\n", doc.Elements.Where(e => e.KernelName is "csharp" or "c#" or "C#").Select(e => e.Contents));
    }

    async Task<(List<InteractiveDocumentOutputElement> Outputs, string? Error)> SubmitAsync(
        Kernel kernel, string code, string kernelName, CancellationToken cancellationToken)
    {
        var outputs = new List<InteractiveDocumentOutputElement>();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        string? error = null;
        var displayed = new Dictionary<string, int>();
        var produced = new List<int>();   // outputs of display() calls that no update has claimed yet
        var command = new SubmitCode(code, kernelName);
        using var subscription = kernel.KernelEvents.Subscribe(e =>
        {
            switch (e)
            {
                case StandardOutputValueProduced o: stdout.Append(Plain(o)); break;
                case StandardErrorValueProduced o: stderr.Append(Plain(o)); break;
                case ReturnValueProduced r when r.Value?.GetType().Name == "DisplayedValue": break;
                case ErrorProduced p: outputs.Add(new ErrorElement(p.Message, "Error", [])); break;
                case DisplayEvent d:
                    // A progress display (package restore, a training loop) updates one value in place: keep its last state.
                    // The engine's first DisplayedValueUpdated of a display() carries another id than its DisplayedValueProduced
                    // (seen with 1.0.0-beta.26120.1), so an update with an unknown id takes the latest display not yet updated.
                    var element = new DisplayElement(d.FormattedValues.ToDictionary(v => v.MimeType, v => (object)v.Value));
                    if (d.ValueId is { } id && displayed.TryGetValue(id, out var at)) outputs[at] = element;
                    else if (d is DisplayedValueUpdated && d.ValueId is { } updateId && produced.Count > 0)
                    {
                        var target = produced[^1];
                        produced.RemoveAt(produced.Count - 1);
                        displayed[updateId] = target;
                        outputs[target] = element;
                    }
                    else
                    {
                        if (d.ValueId is { } newId) displayed[newId] = outputs.Count;
                        if (d is DisplayedValueProduced) produced.Add(outputs.Count);
                        outputs.Add(element);
                    }
                    break;
                case CommandFailed f when ReferenceEquals(f.Command, command): error = f.Message; break;
            }
        });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CellTimeout);
        try
        {
            var result = await kernel.SendAsync(command, timeout.Token);
            if (error is null && result.Events.OfType<CommandFailed>().FirstOrDefault(f => ReferenceEquals(f.Command, command)) is { } failed)
                error = failed.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"the cell ran longer than {options.CellTimeout.TotalMinutes:0.#} minutes";
        }
        var text = stdout.ToString() + (stderr.Length > 0 ? (stdout.Length > 0 ? "\n" : "") + stderr : "");
        if (text.Length > 0) outputs.Insert(0, new TextElement(text, "stdout"));
        if (error is not null) outputs.Add(new ErrorElement(error, "Error", []));
        return (outputs, error);
    }

    static string Plain(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == "text/plain")?.Value ?? e.FormattedValues.FirstOrDefault()?.Value ?? "";

    (string? Ipynb, string? Html) Write(string path, InteractiveDocument executed, IReadOnlyList<CellResult> cells)
    {
        if (options.OutputDirectory is null) return (null, null);
        Directory.CreateDirectory(options.OutputDirectory);
        var name = Path.GetFileNameWithoutExtension(path);
        var ipynb = Path.Combine(options.OutputDirectory, name + ".ipynb");
        File.WriteAllText(ipynb, executed.ToJupyterJson("C#"));
        var html = Path.Combine(options.OutputDirectory, name + ".html");
        string? script = null;
        if (options.SharedPlotlyJs)
        {
            script = NotebookHtml.PlotlyJsFileName;
            var scriptPath = Path.Combine(options.OutputDirectory, script);
            if (!File.Exists(scriptPath) || new FileInfo(scriptPath).Length != Encoding.UTF8.GetByteCount(NotebookHtml.PlotlyJs))
                File.WriteAllText(scriptPath, NotebookHtml.PlotlyJs);
        }
        File.WriteAllText(html, NotebookHtml.Render(name, executed, cells, options.Quick, script));
        return (ipynb, html);
    }

    static KernelInfoCollection KernelInfos() =>
    [
        new Microsoft.DotNet.Interactive.Documents.KernelInfo("csharp", "C#", ["c#", "C#"]),
        new Microsoft.DotNet.Interactive.Documents.KernelInfo("markdown", "Markdown", ["md"]),
    ];
}

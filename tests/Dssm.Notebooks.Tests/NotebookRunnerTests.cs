namespace Dssm.Notebooks.Tests;

public class NotebookRunnerTests
{
    static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dssm-notebook-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public async Task A_failing_cell_stops_the_run_and_names_the_notebook_the_cell_and_the_error()
    {
        var dir = TempDirectory();
        var notebook = Path.Combine(dir, "broken.dib");
        File.WriteAllText(notebook, """
            #!markdown

            # A notebook with an error in its third cell

            #!csharp

            var x = 1 + 1;

            #!csharp

            var y = undefinedName;

            #!csharp

            Console.WriteLine("never runs");
            """);
        var result = await new NotebookRunner(new NotebookRunOptions { OutputDirectory = dir }).RunAsync(notebook);
        Assert.False(result.Succeeded);
        Assert.Equal(3, result.FailedCell!.Number);
        Assert.Equal(2, result.Cells.Count);
        Assert.Contains("broken.dib, cell 3 (csharp)", result.Summary);
        Assert.Contains("undefinedName", result.Summary);
        Assert.True(File.Exists(result.IpynbPath));
        Assert.Contains("undefinedName", File.ReadAllText(result.IpynbPath!));
    }

    [Fact]
    public async Task Quick_mode_sets_the_variable_and_the_working_directory_is_the_notebooks_folder()
    {
        var dir = TempDirectory();
        var notebook = Path.Combine(dir, "params.dib");
        File.WriteAllText(notebook, """
            #!csharp

            if (Environment.GetEnvironmentVariable("DSSM_NOTEBOOK_QUICK") != "1") throw new Exception("not quick");
            if (!System.IO.File.Exists("params.dib")) throw new Exception("cwd is " + Environment.CurrentDirectory);
            Console.WriteLine("ok");
            """);
        var result = await new NotebookRunner(new NotebookRunOptions { Quick = true, OutputDirectory = dir }).RunAsync(notebook);
        Assert.True(result.Succeeded, result.Summary);
        Assert.Contains("ok", File.ReadAllText(result.IpynbPath!));
    }

    [Fact]
    public async Task Shared_plotly_writes_the_bundle_once_and_the_pages_load_it_from_beside_them()
    {
        var dir = TempDirectory();
        var notebook = Path.Combine(dir, "tiny.dib");
        File.WriteAllText(notebook, """
            #!csharp

            Console.WriteLine("ok");
            """);
        var result = await new NotebookRunner(new NotebookRunOptions { Quick = true, OutputDirectory = dir, SharedPlotlyJs = true }).RunAsync(notebook);
        Assert.True(result.Succeeded, result.Summary);
        var bundle = Path.Combine(dir, NotebookHtml.PlotlyJsFileName);
        Assert.Matches(@"^plotly-[0-9.]+\.min\.js$", NotebookHtml.PlotlyJsFileName);
        Assert.True(new FileInfo(bundle).Length > 1_000_000);
        var html = File.ReadAllText(result.HtmlPath!);
        Assert.Contains($"src=\"{NotebookHtml.PlotlyJsFileName}\"", html);
        Assert.True(html.Length < 100_000, $"the page embeds plotly.js ({html.Length} characters)");
    }

    [Fact]
    public async Task A_display_updated_in_place_is_kept_once_in_its_last_state()
    {
        var dir = TempDirectory();
        var notebook = Path.Combine(dir, "live.dib");
        File.WriteAllText(notebook, """
            #!csharp

            var live = display("first state");
            live.Update("second state");
            live.Update("last state");
            """);
        var result = await new NotebookRunner(new NotebookRunOptions { OutputDirectory = dir }).RunAsync(notebook);
        Assert.True(result.Succeeded, result.Summary);
        using var ipynb = System.Text.Json.JsonDocument.Parse(File.ReadAllText(result.IpynbPath!));
        var outputs = ipynb.RootElement.GetProperty("cells")[0].GetProperty("outputs").EnumerateArray().Select(o => o.ToString()).ToList();
        Assert.Equal(1, outputs.Count(o => o.Contains("state")));
        Assert.Contains("last state", outputs.Single(o => o.Contains("state")));
    }
}

using System.IO.Compression;
using Microsoft.DotNet.Interactive.Formatting;
using SerDarts.Interactive;
using SerDarts.Notebooks;
using SerDarts.Networks;
using SerDarts.Reporting;
using SerDarts.Runs;

namespace SerDarts.Tests.Notebooks;

/// <summary>SerDarts' kernel extension: its views registered with the kernel's own formatter, and loaded from a package.</summary>
[Collection(NotebookRunnerCollection.Name)] // the kernel's formatter is process-wide
public class KernelExtensionTests
{
    private static readonly Genotype Probe = new(
        [[new("sep_conv_3x3", 0), new("skip_connect", 1)]], [2],
        [[new("max_pool_3x3", 0), new("dil_conv_5x5", 1)]], [2]);

    [Fact]
    public void SerDarts_types_render_as_html_through_the_kernels_formatter()
    {
        Formatter.ResetToDefault();
        SerDartsKernelExtension.Register(NotebookFormatters.Default);

        var genotype = Formatter.ToDisplayString(Probe, "text/html");
        var report = Formatter.ToDisplayString(new ClassificationReport(0.875, 0.75, 0.5, [[3, 1], [0, 4]], ["sad", "angry"]), "text/html");

        Assert.StartsWith("<div class=\"serdarts-genotype\">", genotype);
        Assert.All(new[] { "sep_conv_3x3", "skip_connect", "max_pool_3x3", "dil_conv_5x5", "normal cell", "reduction cell" },
            name => Assert.Contains(name, genotype));
        Assert.Contains("UA 87.50%, WA 75.00%, macro-F1 50.00%", report);
        Assert.Contains("\"z\":[[75,25],[0,100]]", report); // row-normalised percentages of the counts above
        Assert.Equal(["text/html", "image/svg+xml"], Formatter.GetPreferredMimeTypesFor(typeof(Genotype))); // both in one display
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", Formatter.ToDisplayString(Probe, "image/svg+xml"));
        Assert.Equal(["text/html", "image/svg+xml"], Formatter.GetPreferredMimeTypesFor(typeof(PlotlyFigure)));
    }

    [Fact]
    public void Suite_statistics_search_diagnostics_and_the_paper_comparison_render_through_the_kernels_formatter()
    {
        Formatter.ResetToDefault();
        SerDartsKernelExtension.Register(NotebookFormatters.Default);
        var report = Tests.Reporting.HandReport.Create();
        var flat = Tests.Experiments.FakeOutcomes.SearchEpochs(2).Select(e => e with { NormalEntropy = 0.99 }).ToList();

        // DataFrameHtml encodes "±" as a character reference: read the text back as a browser would.
        var statistics = System.Net.WebUtility.HtmlDecode(Formatter.ToDisplayString(report, "text/html"));
        var diagnostics = Formatter.ToDisplayString(new SearchDiagnostics(7, "trial 7", flat, ["the architecture weights did not move"]), "text/html");
        var paper = Formatter.ToDisplayString(ResultTables.PaperComparison([report]), "text/html");

        Assert.StartsWith("<div class=\"serdarts-suite-report\">", statistics);
        Assert.Contains("<td>72.50 ± 9.57</td><td>[70.00, 75.00]</td>", statistics); // HandReport's DARTS UA: mean ± std, CI
        Assert.Contains("<td>-25.00</td><td>[-30.00, -20.00]</td><td>0.1250 (exact)</td>", statistics);
        Assert.Contains("<td>different protocols: not compared</td>", statistics);
        Assert.Contains("<td>A</td><td>honest protocol</td>", statistics);
        Assert.Matches("<p class=\"serdarts-warning\"[^>]*><strong>Warning:</strong> the architecture weights did not move</p>", diagnostics);
        Assert.Contains("\"name\":\"flat above 0.98\"", diagnostics);
        Assert.Contains("mean normalised entropy is 0.990 (normal)", diagnostics);
        Assert.Contains(ResultTables.NotComparable, paper);
        Assert.Equal(["text/html"], Formatter.GetPreferredMimeTypesFor(typeof(SerDarts.Experiments.Analysis.SuiteReport)));
    }

    [Fact]
    public async Task A_packages_kernel_extension_loads_in_the_hosted_kernel_and_renders_serdarts_types()
    {
        Formatter.ResetToDefault(); // nothing registered unless the package's extension does it
        var fixture = new NotebookFixture("extension");
        var version = "1.0.0-t" + Guid.NewGuid().ToString("N")[..12];
        var feed = Directory.CreateDirectory(Path.Combine(fixture.Folder, "feed")).FullName;
        WritePackage(Path.Combine(feed, $"SerDarts.Probe.{version}.nupkg"), "SerDarts.Probe", version, TestAssemblies.Compile("SerDarts.Probe",
            "public sealed class ProbeExtension : Microsoft.DotNet.Interactive.IKernelExtension { " +
            "public System.Threading.Tasks.Task OnLoadAsync(Microsoft.DotNet.Interactive.Kernel kernel) => new SerDarts.Interactive.SerDartsKernelExtension().OnLoadAsync(kernel); }",
            typeof(Microsoft.DotNet.Interactive.Kernel).Assembly, typeof(SerDartsKernelExtension).Assembly));
        var packages = System.Text.RegularExpressions.Regex.Replace(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? "", "/$", "");
        try
        {
            var setup = $"#i \"nuget: {feed}\"\n#r \"nuget: SerDarts.Probe, {version}\"";
            var result = await fixture.RunCodeAsync(
                setup,
                $"#r \"{typeof(Genotype).Assembly.Location}\"\nnew SerDarts.Networks.Genotype([[new(\"sep_conv_3x3\", 0)]], [2], [[new(\"avg_pool_3x3\", 1)]], [2])",
                "1 + 1",
                setup); // the package's cell run again: its new outputs replace the old ones, so they carry the loader again

            Assert.True(result.Succeeded, result.Failure?.ToString());
            var loaded = NotebookFixture.Bundles(result.Executed.Elements[1]).Select(b => b.TryGetValue("text/plain", out var t) ? (string)t : "");
            Assert.Contains(loaded, t => t.StartsWith("Loading extensions from `") && t.Contains("serdarts.probe"));
            var html = (string)NotebookFixture.Bundles(result.Executed.Elements[2])[^1]["text/html"];
            Assert.StartsWith("<div class=\"serdarts-genotype\">", html);
            Assert.Contains("avg_pool_3x3", html);
            Assert.StartsWith("<svg", (string)NotebookFixture.Bundles(result.Executed.Elements[2])[^1]["image/svg+xml"]);
            // plotly.js: written under the package's cell, and again under that cell when it runs again; nowhere else.
            var loaders = Enumerable.Range(1, 4).Select(i => NotebookFixture.Bundles(result.Executed.Elements[i])
                .Count(b => b.TryGetValue("text/html", out var h) && ((string)h).Contains("/* plotly.js 2.28.0 (MIT)"))).ToList();
            Assert.Equal([1, 0, 0, 1], loaders);
        }
        finally
        {
            var root = packages.Length > 0 ? packages : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var extracted = Path.Combine(root, "serdarts.probe", version);
            if (Directory.Exists(extracted)) Directory.Delete(extracted, recursive: true);
        }
    }

    /// <summary>A package whose only content is a kernel extension, as NuGet reads it from a folder feed.</summary>
    private static void WritePackage(string path, string id, string version, byte[] extension)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var nuspec = new StreamWriter(zip.CreateEntry(id + ".nuspec").Open()))
            nuspec.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata><id>{id}</id><version>{version}</version><authors>tests</authors><description>probe</description></metadata>
                </package>
                """);
        using var dll = zip.CreateEntry($"interactive-extensions/dotnet/{id}.dll").Open();
        dll.Write(extension);
    }
}

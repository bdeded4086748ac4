using System.CommandLine;
using SerDarts.Experiments.Store;
using SerDarts.Reporting;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts report --out report.html</c>: one self-contained HTML report (opens offline).</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo>("--out") { Description = "HTML file to write.", DefaultValueFactory = _ => new FileInfo("report.html") };
        var store = ResultsCommand.StoreOption();
        var suite = new Option<string?>("--suite") { Description = "Only this suite (as stored, e.g. paper@small)." };
        var title = new Option<string>("--title") { Description = "Report title.", DefaultValueFactory = _ => "SerDarts results" };
        var command = new Command("report", "Write the HTML report: tables and charts, plotly.js embedded.") { output, store, suite, title };
        command.SetAction(result => CliErrors.Run("report", () =>
        {
            using var results = ResultsStore.OpenExisting(result.GetValue(store)!);
            var path = new ReportBuilder(results).Write(result.GetValue(output)!.FullName, new ReportOptions(result.GetValue(suite), result.GetValue(title)!));
            Console.WriteLine($"report written: {path}");
            return 0;
        }));
        return command;
    }
}

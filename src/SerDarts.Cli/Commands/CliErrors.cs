using System.Data.Common;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary>
/// The one place where the CLI turns expected failures into one line naming the file and the problem, with
/// documented exit codes (README, "Exit codes"): 0 done; 1 the work ran but some of it failed (failed trials);
/// 2 invalid input (options, specs, suites, genotype or corpus files); 3 the environment failed (I/O, permissions,
/// a full disk, the results database); 130 interrupted (the run resumes where it stopped).
/// </summary>
internal static class CliErrors
{
    public const int Done = 0;
    public const int SomeFailed = 1;
    public const int InvalidInput = 2;
    public const int EnvironmentFailed = 3;
    public const int Interrupted = 130;

    public static int Run(string verb, Action body) => Run(verb, () => { body(); return Done; });

    public static int Run(string verb, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"serdarts {verb}: interrupted; finished epochs are checkpointed and the run resumes where it stopped");
            return Interrupted;
        }
        catch (Exception e) when (Code(e) is int code)
        {
            AnsiConsole.Console.Profile.Out.Writer.Flush();
            Console.Error.WriteLine($"serdarts {verb}: {OneLine(e)}");
            return code;
        }
    }

    private static int? Code(Exception e) => e switch
    {
        ArgumentException or InvalidDataException or FormatException or FileNotFoundException or DirectoryNotFoundException
            or InvalidOperationException or NotSupportedException => InvalidInput,
        IOException or UnauthorizedAccessException or DbException => EnvironmentFailed,
        _ => null,
    };

    /// <summary>The message, with the inner cause when it adds something (e.g. the errno text of an I/O error).</summary>
    private static string OneLine(Exception e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        var inner = e.InnerException?.Message.ReplaceLineEndings(" ");
        return inner is null || message.Contains(inner, StringComparison.Ordinal) ? message : $"{message} ({inner})";
    }
}

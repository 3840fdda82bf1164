using LowLatency.Cli.Commands.Demo;
using LowLatency.Replay.Capture;
using Spectre.Console;

namespace LowLatency.Cli.Commands;

/// <summary>
/// <c>lowlatency demo</c>: replays the recordings shipped in the repository on loopback, connects the
/// engine to them exactly as to the exchanges, shows a live dashboard (plain lines without a
/// terminal), and ends with a summary (and <c>--json PATH</c>).
/// </summary>
public sealed class DemoCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "demo";

    /// <inheritdoc />
    public string Usage => DemoOptionsParser.Usage;

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var options = DemoOptionsParser.Parse(args);
            bool live = !options.Plain && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
            DemoSummary summary;
            if (live)
            {
                summary = null!;
                await AnsiConsole.Live(new Text("starting the replayers and the engine...")).AutoClear(false).StartAsync(async context =>
                {
                    summary = await DemoRun.RunAsync(options, TimeSpan.FromMilliseconds(500), frame =>
                    {
                        context.UpdateTarget(DemoDashboard.Render(frame));
                        context.Refresh();
                    }, cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }
            else
            {
                summary = await DemoRun.RunAsync(options, TimeSpan.FromSeconds(1), frame => output.WriteLine(DemoPlainReporter.Line(frame)), cancellationToken)
                    .ConfigureAwait(false);
            }
            foreach (var line in DemoPlainReporter.Summary(summary))
                output.WriteLine(line);
            if (options.JsonPath is { } path)
            {
                DemoSummaryWriter.Write(summary, path);
                output.WriteLine("demo: summary written to " + path);
            }
            return 0;
        }
        catch (DemoArgumentException e)
        {
            return Fail(error, e.Message, 2);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CaptureFormatException or InvalidDataException)
        {
            return Fail(error, e.Message, 1);
        }
    }

    private static int Fail(TextWriter error, string message, int code)
    {
        error.WriteLine("demo: " + message.ReplaceLineEndings(" "));
        return code;
    }
}

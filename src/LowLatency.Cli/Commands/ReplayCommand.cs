using LowLatency.Cli.Commands.Replay;
using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Capture;

namespace LowLatency.Cli.Commands;

/// <summary>
/// <c>lowlatency replay</c>: streams a recorded capture through the engine offline (the venue's
/// adapter, the ring, the cache, risk and signal consumers) and prints what came out (counts, each
/// book's top, state and checks).
/// </summary>
public sealed class ReplayCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "replay";

    /// <inheritdoc />
    public string Usage => ReplayOptionsParser.Usage;

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var options = ReplayOptionsParser.Parse(args);
            var report = await ReplayRunner.RunAsync(options, cancellationToken).ConfigureAwait(false);
            ReplayReportWriter.Write(report, options.Report, output);
            return 0;
        }
        catch (ReplayArgumentException e)
        {
            return Fail(error, e.Message, 2);
        }
        catch (UnknownExchangeException e)
        {
            return Fail(error, $"unknown exchange '{e.Name}' (known: {string.Join(", ", ExchangeCatalog.Names)})", 2);
        }
        catch (FileNotFoundException e)
        {
            return Fail(error, e.Message, 1);
        }
        catch (CaptureFormatException e)
        {
            return Fail(error, "unreadable capture line: " + e.Message, 1);
        }
        catch (IOException e)
        {
            return Fail(error, e.Message, 1);
        }
        catch (InvalidDataException e)
        {
            return Fail(error, "unreadable capture: " + e.Message, 1);
        }
    }

    private static int Fail(TextWriter error, string message, int code)
    {
        error.WriteLine("replay: " + message.ReplaceLineEndings(" "));
        return code;
    }
}

using System.Diagnostics;
using System.Globalization;
using LowLatency.Cli.Commands.Demo;
using LowLatency.Cli.Commands.Run;
using LowLatency.Engine;
using LowLatency.Engine.Connections;
using LowLatency.Engine.Hosting;
using LowLatency.Engine.Options;
using LowLatency.Feeds.Exchanges;
using LowLatency.Rest.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LowLatency.Cli.Commands;

/// <summary>
/// <c>lowlatency run --config PATH</c>: runs the engine against the real exchanges in a generic host
/// (options from the file, environment variables and <c>ENABLE_WEBSOCKET</c>), subscribes the
/// configured instruments and prints a line per second: each instrument's ticker through the
/// unified feed, its data quality, and the connections.
/// </summary>
/// <remarks>
/// Without a network it fails after the first connection attempts with one line naming the
/// connection and the reason, instead of retrying forever.
/// </remarks>
public sealed class RunCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "run";

    /// <inheritdoc />
    public string Usage => RunOptionsParser.Usage;

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var options = RunOptionsParser.Parse(args);
            if (!File.Exists(options.ConfigPath))
                return Fail(error, $"config file not found: {options.ConfigPath}", 2);
            using var host = BuildHost(options.ConfigPath);
            var configured = host.Services.GetRequiredService<IOptions<EngineOptions>>().Value;
            if (configured.Subscriptions.Count == 0)
                return Fail(error, $"{options.ConfigPath} subscribes nothing: list instruments under LowLatency:Subscriptions", 2);
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var engine = host.Services.GetRequiredService<MarketDataEngine>();
                if (engine.WebSocketEnabled && await WaitForConnectionsAsync(engine, options.ConnectTimeout, cancellationToken).ConfigureAwait(false) is { } failure)
                    return Fail(error, failure, 1);
                await ReportAsync(engine, configured.Subscriptions, options.Duration, output, cancellationToken).ConfigureAwait(false);
                return 0;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (DemoArgumentException e)
        {
            return Fail(error, e.Message, 2);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or ArgumentException or UnknownExchangeException)
        {
            return Fail(error, "invalid configuration: " + e.Message, 2);
        }
        catch (Exception e) when (e is RestException or NotSupportedException)
        {
            return Fail(error, e.Message, 1);
        }
    }

    private static IHost BuildHost(string configPath)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonFile(Path.GetFullPath(configPath), optional: false);
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.ClearProviders();
        builder.Services.AddLowLatencyEngine(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Waits for every connection to come up; returns why not when none can (offline), null when they are up.</summary>
    private static async Task<string?> WaitForConnectionsAsync(MarketDataEngine engine, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var connections = engine.GetConnectionStatus().Connections;
            if (connections.Count > 0 && connections.All(c => c.State == ConnectionState.Connected))
                return null;
            var failed = connections.Where(c => c.State != ConnectionState.Connected && c.Error is not null).ToArray();
            bool noneUp = connections.All(c => c.State != ConnectionState.Connected);
            if (noneUp && connections.Count > 0 && (failed.Length == connections.Count || clock.Elapsed > timeout))
            {
                var first = failed.FirstOrDefault() ?? connections[0];
                return $"cannot connect {first.Key} ({first.Venue}): {first.Error ?? $"no answer within {timeout.TotalSeconds:0} s"}; is the network reachable?";
            }
            if (clock.Elapsed > timeout)
                return null;
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ReportAsync(MarketDataEngine engine, IList<SubscriptionOptions> subscriptions, TimeSpan? duration, TextWriter output,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!cancellationToken.IsCancellationRequested && (duration is null || clock.Elapsed < duration))
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var parts = new List<string>();
            foreach (var subscription in subscriptions)
            {
                var ticker = await engine.GetTickerAsync(subscription.Venue, subscription.Symbol, cancellationToken).ConfigureAwait(false);
                var quality = engine.GetDataQuality(subscription.Venue, subscription.Symbol, TrackedChannel(subscription.Channels));
                parts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{subscription.Venue} {subscription.Symbol} {ticker.Bid}/{ticker.Ask} ({ticker.Source}, {quality.Quality})"));
            }
            var status = engine.GetStatus();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"t={clock.Elapsed.TotalSeconds:0}s messages={status.Messages} | {string.Join("; ", parts)} | {string.Join(",", status.Connections.Connections.Select(c => c.Key + ":" + c.State))}"));
        }
    }

    private static MarketChannels TrackedChannel(MarketChannels channels)
    {
        foreach (var channel in new[] { MarketChannels.Book, MarketChannels.BestBidOffer, MarketChannels.Ticker, MarketChannels.Trades, MarketChannels.Candles })
        {
            if ((channels & channel) != 0)
                return channel;
        }
        return MarketChannels.Book;
    }

    private static int Fail(TextWriter error, string message, int code)
    {
        error.WriteLine("run: " + message.ReplaceLineEndings(" "));
        return code;
    }
}

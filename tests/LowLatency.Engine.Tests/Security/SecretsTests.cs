using LowLatency.Engine.Options;
using LowLatency.Engine.Quality;
using LowLatency.Engine.Tests.Support;
using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Faults;
using LowLatency.Replay.Server;

namespace LowLatency.Engine.Tests.Security;

public sealed class SecretsTests
{
    private const string Key = "KEY-7f3a9c";
    private const string Secret = "SECRET-b81d2e";

    [Fact]
    public async Task Credentials_never_reach_the_logs_through_reconnects_resyncs_and_fallbacks()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, new ReplayerOptions
        {
            Speed = ReplaySpeed.Times(20),
            AtEnd = ReplayEndBehavior.KeepOpen,
            Faults = [FaultSpec.Parse("disconnect:after=2000")],
        });
        var logs = new CapturingLoggerProvider();
        await using (var engine = new EngineBuilder()
            .AddExchange("binance-spot", e =>
            {
                e.WebSocketUrl = replayer.Url;
                e.RestUrl = replayer.RestUrl;
                e.ApiKey = Key;
                e.ApiSecret = Secret;
            })
            .Configure(o => o.ReconnectInitialDelay = TimeSpan.FromMilliseconds(50))
            .WithFreshness(MarketChannels.BestBidOffer, TimeSpan.FromMilliseconds(1))
            .WithLogging(logs)
            .Build())
        {
            var session = engine.AddStrategy("book");
            await session.SubscribeAsync("binance-spot", "BTCUSDT", MarketChannels.Book | MarketChannels.BestBidOffer);
            await Eventually.TrueAsync(() => engine.GetStatus().Reconnects >= 1, "a reconnect");
            await engine.GetTickerAsync("binance-spot", "BTCUSDT");
        }

        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(Key, StringComparison.Ordinal) || line.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Exchange_options_print_credentials_only_as_set()
    {
        var options = new ExchangeOptions { ApiKey = Key, ApiSecret = Secret, ApiPassphrase = "pass-phrase" };

        var text = options.ToString();

        Assert.Contains("credentials=set", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("pass-phrase", text, StringComparison.Ordinal);
    }
}

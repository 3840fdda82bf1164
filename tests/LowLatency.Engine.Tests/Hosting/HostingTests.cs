using LowLatency.Core.Ring;
using LowLatency.Engine.Hosting;
using LowLatency.Engine.Options;
using LowLatency.Engine.Quality;
using LowLatency.Engine.Tests.Support;
using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LowLatency.Engine.Tests.Hosting;

public sealed class HostingTests
{
    [Fact]
    public async Task Hosted_engine_takes_its_options_from_configuration_and_subscribes_the_configured_instruments()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, new ReplayerOptions { Speed = ReplaySpeed.Times(5), AtEnd = ReplayEndBehavior.KeepOpen });
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["LowLatency:RingSize"] = "4096",
            ["LowLatency:FullRingPolicy"] = "DropAndFlagGap",
            ["LowLatency:Freshness:BestBidOffer"] = "00:00:30",
            ["LowLatency:Exchanges:binance-spot:WebSocketUrl"] = replayer.Url.ToString(),
            ["LowLatency:Exchanges:binance-spot:RestUrl"] = replayer.RestUrl.ToString(),
            ["LowLatency:Subscriptions:0:Venue"] = "binance-spot",
            ["LowLatency:Subscriptions:0:Symbol"] = "BTCUSDT",
            ["LowLatency:Subscriptions:0:Channels"] = "Book, BestBidOffer",
        });

        await host.StartAsync();
        var engine = host.Services.GetRequiredService<MarketDataEngine>();
        await Eventually.TrueAsync(() => engine.GetDataQuality("binance-spot", "BTCUSDT", MarketChannels.BestBidOffer).Quality == DataQuality.Synced,
            "configured quotes synced");
        var status = engine.GetStatus();
        await host.StopAsync();

        var options = host.Services.GetRequiredService<IOptions<EngineOptions>>().Value;
        Assert.Equal(4096, status.Ring.Capacity);
        Assert.Equal(FullRingPolicy.DropAndFlagGap, status.Ring.Policy);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Freshness.BestBidOffer);
        Assert.Equal(["binance_spot BTCUSDT BestBidOffer", "binance_spot BTCUSDT Book"], Assert.Single(status.Connections.Strategies).Topics);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("yes", true)]
    public void Enable_websocket_variable_of_the_configuration_switches_the_streams(string value, bool enabled)
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["ENABLE_WEBSOCKET"] = value });

        var engine = host.Services.GetRequiredService<MarketDataEngine>();

        Assert.Equal(enabled, engine.WebSocketEnabled);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLowLatencyEngine(builder.Configuration);
        return builder.Build();
    }
}

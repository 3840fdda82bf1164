using LowLatency.Core.Snapshots;
using LowLatency.Engine.Feed;
using LowLatency.Engine.Options;
using LowLatency.Engine.Quality;
using LowLatency.Engine.Tests.Support;
using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Server;

namespace LowLatency.Engine.Tests.Feed;

public sealed class RestOnlyTests
{
    private const string Venue = "binance-spot";
    private const string Symbol = "BTCUSDT";

    [Fact]
    public async Task WebSocket_disabled_serves_every_read_from_rest_without_connecting()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, new ReplayerOptions { Speed = ReplaySpeed.Max });
        await using var engine = new EngineBuilder().AddExchange(Venue, replayer).EnableWebSocket(false).Build();
        var session = engine.AddStrategy("rest-only");
        await session.SubscribeAsync(Venue, Symbol, MarketChannels.Book);

        var ticker = await engine.GetTickerAsync(Venue, Symbol);
        var book = await engine.GetBookAsync(Venue, Symbol, depth: 5);
        var candles = await engine.GetOhlcvAsync(Venue, Symbol, CandleInterval.OneMinute, limit: 10);

        Assert.False(engine.WebSocketEnabled);
        Assert.Equal((DataSource.Rest, DataQuality.Degraded), (ticker.Source, ticker.Quality));
        Assert.Equal((DataSource.Rest, DataQuality.Degraded), (book.Source, book.Quality));
        Assert.Equal((DataSource.Rest, DataQuality.Degraded), (candles.Source, candles.Quality));
        Assert.Equal(5, book.Snapshot.BidCount);
        Assert.True(book.Bid(0).Price < book.Ask(0).Price);
        Assert.NotEmpty(candles.Candles);
        Assert.Empty(engine.GetConnectionStatus().Connections);
        Assert.Equal(0, replayer.Statistics.ConnectionsAccepted);
        Assert.Equal(DataQuality.Degraded, engine.GetDataQuality(Venue, Symbol, MarketChannels.Book).Quality);
        Assert.Equal(3, engine.GetStatus().Feed.Fallbacks);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("YES", true)]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("No", false)]
    public void Enable_websocket_switch_accepts_true_1_yes_false_0_no(string? value, bool enabled)
    {
        Assert.Equal(enabled, WebSocketSwitch.Parse(value));
    }

    [Fact]
    public void Enable_websocket_switch_refuses_other_values_naming_them()
    {
        var error = Assert.Throws<FormatException>(() => WebSocketSwitch.Parse("maybe"));

        Assert.Contains("ENABLE_WEBSOCKET='maybe'", error.Message, StringComparison.Ordinal);
    }
}

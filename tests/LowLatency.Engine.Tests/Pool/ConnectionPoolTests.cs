using LowLatency.Engine.Connections;
using LowLatency.Engine.Tests.Support;
using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Server;

namespace LowLatency.Engine.Tests.Pool;

public sealed class ConnectionPoolTests
{
    private const string Spot = "binance-spot";
    private const string Symbol = "BTCUSDT";

    [Fact]
    public async Task Two_strategies_share_the_binance_spot_connection()
    {
        await using var replayer = StartReplayer(SharedFeeds.BinanceSpot);
        await using var engine = new EngineBuilder().AddExchange(Spot, replayer).Build();
        var first = engine.AddStrategy("first");
        var second = engine.AddStrategy("second");

        await first.SubscribeAsync(Spot, Symbol, MarketChannels.BestBidOffer);
        await second.SubscribeAsync(Spot, Symbol, MarketChannels.BestBidOffer | MarketChannels.Trades);
        await Eventually.TrueAsync(() => Connection(engine, "binance_spot")?.State == ConnectionState.Connected, "binance_spot connected");

        var connection = Connection(engine, "binance_spot")!;
        Assert.Single(engine.GetConnectionStatus().Connections);
        Assert.Equal(2, connection.Subscribers);
        Assert.Equal(["BTCUSDT BestBidOffer", "BTCUSDT Trades"], connection.Topics);
        Assert.Equal(1, replayer.Statistics.ConnectionsAccepted);
    }

    [Fact]
    public async Task Connection_stays_while_one_strategy_remains_and_closes_when_the_last_leaves()
    {
        await using var replayer = StartReplayer(SharedFeeds.BinanceSpot);
        await using var engine = new EngineBuilder().AddExchange(Spot, replayer).Build();
        var first = engine.AddStrategy("first");
        var second = engine.AddStrategy("second");
        await first.SubscribeAsync(Spot, Symbol, MarketChannels.BestBidOffer);
        await second.SubscribeAsync(Spot, Symbol, MarketChannels.BestBidOffer);
        await Eventually.TrueAsync(() => Connection(engine, "binance_spot")?.State == ConnectionState.Connected, "binance_spot connected");

        await first.DisposeAsync();

        var remaining = Connection(engine, "binance_spot");
        Assert.NotNull(remaining);
        Assert.Equal(1, remaining.Subscribers);
        Assert.Equal(["BTCUSDT BestBidOffer"], remaining.Topics);
        Assert.Equal(["second"], engine.GetConnectionStatus().Strategies.Select(s => s.Name));

        await second.DisposeAsync();

        Assert.Empty(engine.GetConnectionStatus().Connections);
        await Eventually.TrueAsync(() => replayer.Statistics.ConnectionsOpen == 0, "the replayer to see the connection closed");
        Assert.Equal(1, replayer.Statistics.ConnectionsAccepted);
    }

    [Fact]
    public async Task Last_unsubscribe_of_a_topic_removes_it_and_keeps_the_connection_for_the_others()
    {
        await using var replayer = StartReplayer(SharedFeeds.BinanceSpot);
        await using var engine = new EngineBuilder().AddExchange(Spot, replayer).Build();
        var session = engine.AddStrategy("one");
        await session.SubscribeAsync(Spot, Symbol, MarketChannels.BestBidOffer | MarketChannels.Trades);

        await session.UnsubscribeAsync(Spot, Symbol, MarketChannels.Trades);

        var connection = Connection(engine, "binance_spot");
        Assert.NotNull(connection);
        Assert.Equal(["BTCUSDT BestBidOffer"], connection.Topics);
        Assert.Equal(["binance_spot BTCUSDT BestBidOffer"], session.Topics);
    }

    [Fact]
    public async Task A_second_market_opens_its_own_connection()
    {
        await using var spot = StartReplayer(SharedFeeds.BinanceSpot);
        await using var usdm = StartReplayer(SharedFeeds.BinanceUsdm);
        await using var engine = new EngineBuilder().AddExchange(Spot, spot).AddExchange("binance-usdm", usdm).Build();
        var session = engine.AddStrategy("both");

        await session.SubscribeAsync(Spot, Symbol, MarketChannels.BestBidOffer);
        await session.SubscribeAsync("binance-usdm", Symbol, MarketChannels.BestBidOffer);
        await Eventually.TrueAsync(() => engine.GetConnectionStatus().Connections.All(c => c.State == ConnectionState.Connected && c.Messages > 0),
            "both connections up and receiving");

        Assert.Equal(["binance_spot", "binance_usdm"], engine.GetConnectionStatus().Connections.Select(c => c.Key));
        Assert.Equal(1, spot.Statistics.ConnectionsAccepted);
        Assert.Equal(1, usdm.Statistics.ConnectionsAccepted);
    }

    [Fact]
    public async Task Strategy_names_are_unique()
    {
        await using var engine = new EngineBuilder().Build();
        engine.AddStrategy("same");

        var error = Assert.Throws<InvalidOperationException>(() => engine.AddStrategy("same"));
        Assert.Contains("'same'", error.Message, StringComparison.Ordinal);
    }

    private static Replayer StartReplayer(LowLatency.Replay.Feed.RecordedFeed feed) =>
        Replayer.Start(feed, new ReplayerOptions { Speed = ReplaySpeed.Times(5), AtEnd = ReplayEndBehavior.KeepOpen });

    private static ConnectionStatus? Connection(MarketDataEngine engine, string key) =>
        engine.GetConnectionStatus().Connections.SingleOrDefault(c => c.Key == key);
}

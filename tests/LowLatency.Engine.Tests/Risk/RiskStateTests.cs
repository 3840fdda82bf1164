using LowLatency.Engine.Quality;
using LowLatency.Engine.Risk;
using LowLatency.Engine.Tests.Support;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;
using LowLatency.Replay.Server;

namespace LowLatency.Engine.Tests.Risk;

public sealed class RiskStateTests
{
    private const string Venue = "binance-spot";
    private const string Symbol = "BTCUSDT";

    [Fact]
    public async Task Risk_consumer_keeps_the_mid_the_pre_trade_checks_compare_against()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, new ReplayerOptions { Speed = ReplaySpeed.Times(5), AtEnd = ReplayEndBehavior.KeepOpen });
        await using var engine = new EngineBuilder()
            .AddExchange(Venue, replayer)
            .WithRiskLimits(r =>
            {
                r.PriceBand = 0.01m;
                r.MaxOrderNotional = 100_000m;
                r.MaxPosition = 2m;
                r.MaxDataAge = TimeSpan.FromHours(1);
            })
            .Build();
        var instrument = engine.GetInstrument(Venue, Symbol);
        var session = engine.AddStrategy("quotes");
        await session.SubscribeAsync(Venue, Symbol, MarketChannels.BestBidOffer);
        await Eventually.TrueAsync(() => engine.Risk.TryGetMarket(instrument.Id, out _), "the risk consumer to see a quote");

        Assert.True(engine.Risk.TryGetMarket(instrument.Id, out var market));
        Assert.Equal((market.BidPriceTicks + market.AskPriceTicks) / 2, market.MidPriceTicks);
        decimal mid = market.MidPriceTicks / 100_000_000m;

        Assert.True(engine.Risk.Check(instrument, Side.Buy, mid, 0.5m).Passed);
        Assert.Equal(RiskRejection.PriceBand, engine.Risk.Check(instrument, Side.Buy, mid * 1.02m, 0.5m).Rejection);
        Assert.Equal(RiskRejection.MaxOrderNotional, engine.Risk.Check(instrument, Side.Buy, mid, 1.9m).Rejection);
        engine.Risk.SetPosition(instrument, 1.8m);
        Assert.Equal(RiskRejection.MaxPosition, engine.Risk.Check(instrument, Side.Buy, mid, 0.5m).Rejection);
        Assert.True(engine.Risk.Check(instrument, Side.Sell, mid, 0.5m).Passed);
        engine.Risk.KillSwitch = true;
        Assert.Equal(RiskRejection.KillSwitch, engine.Risk.Check(instrument, Side.Sell, mid, 0.5m).Rejection);
    }

    [Fact]
    public async Task Order_without_market_data_fails_the_stale_data_guard()
    {
        await using var engine = new EngineBuilder().EnableWebSocket(false).Build();
        var instrument = engine.GetInstrument(Venue, Symbol);

        var result = engine.Risk.Check(instrument, Side.Buy, 60_000m, 0.1m);

        Assert.Equal(RiskRejection.StaleData, result.Rejection);
        Assert.Contains("no market data", result.Detail, StringComparison.Ordinal);
    }
}

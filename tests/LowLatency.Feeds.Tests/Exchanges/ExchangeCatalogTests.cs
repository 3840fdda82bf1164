using LowLatency.Feeds.Exchanges;

namespace LowLatency.Feeds.Tests.Exchanges;

public sealed class ExchangeCatalogTests
{
    [Theory]
    [InlineData("binance-spot", "binance", "spot")]
    [InlineData("binance-usdm", "binance", "usdm")]
    [InlineData("binance-coinm", "binance", "coinm")]
    [InlineData("kraken", "kraken", "spot")]
    public void ExchangeCatalog_discovers_each_venue_by_name(string name, string exchange, string market)
    {
        var definition = ExchangeCatalog.Get(name);
        Assert.Equal((name, exchange, market), (definition.Name, definition.Exchange, definition.Market));
        Assert.Equal("wss", definition.Endpoints.PublicWebSocket.Scheme);
    }

    [Fact]
    public void ExchangeCatalog_lists_names_in_order_without_duplicates()
    {
        var names = ExchangeCatalog.Names;
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(names.Count, ExchangeCatalog.All.Count);
    }

    [Fact]
    public void ExchangeCatalog_names_the_known_venues_when_a_name_is_unknown()
    {
        var error = Assert.Throws<UnknownExchangeException>(() => ExchangeCatalog.Get("mtgox"));
        Assert.Equal("mtgox", error.Name);
        Assert.Contains("binance-spot", error.Message, StringComparison.Ordinal);
        Assert.Contains("kraken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binance_snapshots_come_from_rest_and_kraken_snapshots_from_the_stream()
    {
        Assert.Equal(new Uri("https://api.binance.com/api/v3/depth?symbol=BTCUSDT&limit=1000"), ExchangeCatalog.Get("binance-spot").BookSnapshotUri("btcusdt"));
        Assert.Equal(new Uri("https://fapi.binance.com/fapi/v1/depth?symbol=BTCUSDT&limit=1000"), ExchangeCatalog.Get("binance-usdm").BookSnapshotUri("BTCUSDT"));
        Assert.Equal(new Uri("https://dapi.binance.com/dapi/v1/depth?symbol=BTCUSD_PERP&limit=1000"), ExchangeCatalog.Get("binance-coinm").BookSnapshotUri("BTCUSD_PERP"));
        Assert.Null(ExchangeCatalog.Get("kraken").BookSnapshotUri("BTC/USD"));
    }
}

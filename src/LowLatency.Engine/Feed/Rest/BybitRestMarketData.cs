using System.Globalization;
using System.Text.Json;
using LowLatency.Core.Instruments;
using LowLatency.Core.Snapshots;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Feed.Rest;

/// <summary>
/// Bybit v5 REST market data for one category (<c>spot</c> or <c>linear</c>, the venue's market):
/// <c>/v5/market/tickers</c>, <c>/v5/market/orderbook</c> and <c>/v5/market/kline</c>, each answered
/// <c>{"retCode":0,"retMsg":"OK","result":..,"time":..}</c>.
/// </summary>
/// <remarks>Bybit answers most errors with HTTP 200 and a non-zero <c>retCode</c>.</remarks>
internal sealed class BybitRestMarketData : IRestMarketData
{
    private const long NanosPerMilli = 1_000_000;
    private static readonly int[] KlineMinutes = [1, 3, 5, 15, 30, 60, 120, 240, 360, 720];
    private static readonly RestTickerFields Fields = new("bid1Price", "bid1Size", "ask1Price", "ask1Size", "lastPrice", null, "volume24h");
    private static readonly RestCandleLayout Klines = new(NanosPerMilli, Open: 1, High: 2, Low: 3, Close: 4, Volume: 5, NewestFirst: true);
    private readonly string _category;

    /// <summary>Creates it for <paramref name="category"/>, Bybit's name of the venue's market.</summary>
    public BybitRestMarketData(string category) => _category = category;

    public MarketChannels TickerChannel => MarketChannels.Ticker;

    public string TickerPath(Instrument instrument) => $"/v5/market/tickers?category={_category}&symbol={Symbol(instrument)}";

    public TickerSnapshot ParseTicker(ReadOnlySpan<byte> body, Instrument instrument, long receiveTimestamp)
    {
        using var document = RestJson.Parse(body);
        var root = document.RootElement;
        var list = RestJson.Required(RestEnvelope.Bybit.Payload(root), "list");
        var ticker = RestTickers.Read(RestJson.At(list, 0), Fields, instrument, receiveTimestamp);
        ticker.ExchangeTimeNs = ServerTimeNs(root);
        return ticker;
    }

    /// <remarks>Asks for exactly the depth: spot accepts 1 to 200 levels, linear 1 to 500.</remarks>
    public string BookPath(Instrument instrument, int depth) => $"/v5/market/orderbook?category={_category}&symbol={Symbol(instrument)}&limit={depth}";

    public BookTopSnapshot ParseBook(ReadOnlySpan<byte> body, Instrument instrument, int depth, long receiveTimestamp)
    {
        using var document = RestJson.Parse(body);
        var result = RestEnvelope.Bybit.Payload(document.RootElement);
        return RestBookLevels.Snapshot(RestJson.Required(result, "b"), RestJson.Required(result, "a"), depth, instrument,
            RestJson.Int64(RestJson.Required(result, "u")), RestJson.Int64(RestJson.Required(result, "ts")) * NanosPerMilli, receiveTimestamp);
    }

    public string CandlesPath(Instrument instrument, CandleInterval interval, int limit) =>
        $"/v5/market/kline?category={_category}&symbol={Symbol(instrument)}&interval={IntervalName(interval)}&limit={limit}";

    /// <remarks>Rows are <c>[start (ms), open, high, low, close, volume, turnover]</c>, newest first.</remarks>
    public IReadOnlyList<Candle> ParseCandles(ReadOnlySpan<byte> body, Instrument instrument, int limit)
    {
        using var document = RestJson.Parse(body);
        return RestCandles.Read(RestJson.Required(RestEnvelope.Bybit.Payload(document.RootElement), "list"), Klines, instrument, limit);
    }

    private static string Symbol(Instrument instrument) => Uri.EscapeDataString(instrument.Symbol.ToUpperInvariant());

    private static long ServerTimeNs(JsonElement root) => root.TryGetProperty("time", out var time) ? RestJson.Int64(time) * NanosPerMilli : 0;

    private static string IntervalName(CandleInterval interval) => interval switch
    {
        CandleInterval.OneDay => "D",
        CandleInterval.OneWeek => "W",
        CandleInterval.OneMonth => "M",
        _ => RestIntervals.Minutes(interval, KlineMinutes, "Bybit").ToString(CultureInfo.InvariantCulture),
    };
}

using System.Globalization;
using LowLatency.Core.Instruments;
using LowLatency.Core.Snapshots;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Feed.Rest;

/// <summary>
/// KuCoin REST market data, spot or futures, each answered <c>{"code":"200000","data":..}</c>.
/// Spot: <c>/api/v1/market/orderbook/level1</c>, <c>/api/v1/market/orderbook/level2_20</c>,
/// <c>/api/v1/market/candles</c>. Futures: <c>/api/v1/ticker</c>, <c>/api/v1/level2/depth20</c>,
/// <c>/api/v1/kline/query</c>.
/// </summary>
/// <remarks>
/// The two markets differ in more than paths: spot writes every number as a string and times in
/// milliseconds, with candle rows <c>[time (s), open, close, high, low, volume, turnover]</c>
/// newest first; futures writes sizes (lots) as numbers, ticker and book times in nanoseconds,
/// and candle rows <c>[time (ms), open, high, low, close, volume]</c> oldest first. Neither
/// candle call has a limit (spot answers up to 1,500 rows, futures 500), so the newest rows
/// are kept. Neither ticker carries a 24 h volume.
/// </remarks>
internal sealed class KuCoinRestMarketData : IRestMarketData
{
    private const long NanosPerMilli = 1_000_000;
    private const long NanosPerSecond = 1_000_000_000;
    private static readonly int[] FuturesMinutes = [1, 5, 15, 30, 60, 120, 240, 480, 720, 1440, 10080];
    private static readonly RestTickerFields SpotFields = new("bestBid", "bestBidSize", "bestAsk", "bestAskSize", "price", "size", null);
    private static readonly RestTickerFields FuturesFields = new("bestBidPrice", "bestBidSize", "bestAskPrice", "bestAskSize", "price", "size", null);
    private static readonly RestCandleLayout SpotCandles = new(NanosPerSecond, Open: 1, High: 3, Low: 4, Close: 2, Volume: 5, NewestFirst: true);
    private static readonly RestCandleLayout FuturesCandles = new(NanosPerMilli, Open: 1, High: 2, Low: 3, Close: 4, Volume: 5, NewestFirst: false);
    private readonly bool _futures;

    /// <summary>Creates it for the spot market, or for futures when <paramref name="futures"/>.</summary>
    public KuCoinRestMarketData(bool futures) => _futures = futures;

    public MarketChannels TickerChannel => MarketChannels.Ticker;

    public string TickerPath(Instrument instrument) =>
        (_futures ? "/api/v1/ticker?symbol=" : "/api/v1/market/orderbook/level1?symbol=") + Symbol(instrument);

    public TickerSnapshot ParseTicker(ReadOnlySpan<byte> body, Instrument instrument, long receiveTimestamp)
    {
        using var document = RestJson.Parse(body);
        var data = RestEnvelope.KuCoin.Payload(document.RootElement);
        var ticker = RestTickers.Read(data, _futures ? FuturesFields : SpotFields, instrument, receiveTimestamp);
        ticker.ExchangeTimeNs = _futures ? RestJson.Int64(RestJson.Required(data, "ts")) : RestJson.Int64(RestJson.Required(data, "time")) * NanosPerMilli;
        ticker.Sequence = RestJson.Int64(RestJson.Required(data, "sequence"));
        return ticker;
    }

    /// <remarks>20 levels is the smallest partial book either market serves.</remarks>
    public string BookPath(Instrument instrument, int depth) =>
        (_futures ? "/api/v1/level2/depth20?symbol=" : "/api/v1/market/orderbook/level2_20?symbol=") + Symbol(instrument);

    public BookTopSnapshot ParseBook(ReadOnlySpan<byte> body, Instrument instrument, int depth, long receiveTimestamp)
    {
        using var document = RestJson.Parse(body);
        var data = RestEnvelope.KuCoin.Payload(document.RootElement);
        long time = _futures ? RestJson.Int64(RestJson.Required(data, "ts")) : RestJson.Int64(RestJson.Required(data, "time")) * NanosPerMilli;
        return RestBookLevels.Snapshot(RestJson.Required(data, "bids"), RestJson.Required(data, "asks"), depth, instrument,
            RestJson.Int64(RestJson.Required(data, "sequence")), time, receiveTimestamp);
    }

    public string CandlesPath(Instrument instrument, CandleInterval interval, int limit) => _futures
        ? $"/api/v1/kline/query?symbol={Symbol(instrument)}&granularity={RestIntervals.Minutes(interval, FuturesMinutes, "KuCoin futures")}"
        : $"/api/v1/market/candles?symbol={Symbol(instrument)}&type={SpotType(interval)}";

    public IReadOnlyList<Candle> ParseCandles(ReadOnlySpan<byte> body, Instrument instrument, int limit)
    {
        using var document = RestJson.Parse(body);
        return RestCandles.Read(RestEnvelope.KuCoin.Payload(document.RootElement), _futures ? FuturesCandles : SpotCandles, instrument, limit);
    }

    private static string Symbol(Instrument instrument) => Uri.EscapeDataString(instrument.Symbol);

    private static string SpotType(CandleInterval interval) => interval switch
    {
        CandleInterval.OneMinute => "1min",
        CandleInterval.ThreeMinutes => "3min",
        CandleInterval.FiveMinutes => "5min",
        CandleInterval.FifteenMinutes => "15min",
        CandleInterval.ThirtyMinutes => "30min",
        CandleInterval.OneHour => "1hour",
        CandleInterval.TwoHours => "2hour",
        CandleInterval.FourHours => "4hour",
        CandleInterval.SixHours => "6hour",
        CandleInterval.EightHours => "8hour",
        CandleInterval.TwelveHours => "12hour",
        CandleInterval.OneDay => "1day",
        CandleInterval.OneWeek => "1week",
        CandleInterval.OneMonth => "1month",
        _ => throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture, $"Received candle interval {interval}; KuCoin spot has no such candle type.")),
    };
}

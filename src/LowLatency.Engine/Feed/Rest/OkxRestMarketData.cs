using LowLatency.Core.Instruments;
using LowLatency.Core.Snapshots;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Feed.Rest;

/// <summary>
/// OKX v5 REST market data: <c>/api/v5/market/ticker</c>, <c>/api/v5/market/books</c> and
/// <c>/api/v5/market/candles</c>, each answered <c>{"code":"0","msg":"","data":[..]}</c>.
/// </summary>
/// <remarks>
/// Instrument ids are the same on REST and the stream (<c>BTC-USDT</c>, <c>BTC-USDT-SWAP</c>).
/// Candles are asked by their UTC-aligned bars (<c>6Hutc</c>, <c>1Dutc</c> ...), as the other
/// exchanges align theirs; OKX serves at most 300 candles a request.
/// </remarks>
internal sealed class OkxRestMarketData : IRestMarketData
{
    private const long NanosPerMilli = 1_000_000;
    private const int MaxCandles = 300;
    private static readonly RestTickerFields Fields = new("bidPx", "bidSz", "askPx", "askSz", "last", "lastSz", "vol24h");
    private static readonly RestCandleLayout Bars = new(NanosPerMilli, Open: 1, High: 2, Low: 3, Close: 4, Volume: 5, NewestFirst: true, Confirmed: 8);

    public MarketChannels TickerChannel => MarketChannels.Ticker;

    public string TickerPath(Instrument instrument) => "/api/v5/market/ticker?instId=" + Uri.EscapeDataString(instrument.Symbol);

    public TickerSnapshot ParseTicker(ReadOnlySpan<byte> body, Instrument instrument, long receiveTimestamp)
    {
        using var document = RestJson.Parse(body);
        var data = RestJson.At(RestEnvelope.Okx.Payload(document.RootElement), 0);
        var ticker = RestTickers.Read(data, Fields, instrument, receiveTimestamp);
        ticker.ExchangeTimeNs = RestJson.Int64(RestJson.Required(data, "ts")) * NanosPerMilli;
        return ticker;
    }

    public string BookPath(Instrument instrument, int depth) => $"/api/v5/market/books?instId={Uri.EscapeDataString(instrument.Symbol)}&sz={depth}";

    /// <remarks>Levels are <c>[price, size, "0", orders]</c>; REST books carry no sequence id.</remarks>
    public BookTopSnapshot ParseBook(ReadOnlySpan<byte> body, Instrument instrument, int depth, long receiveTimestamp)
    {
        using var document = RestJson.Parse(body);
        var data = RestJson.At(RestEnvelope.Okx.Payload(document.RootElement), 0);
        return RestBookLevels.Snapshot(RestJson.Required(data, "bids"), RestJson.Required(data, "asks"), depth, instrument, 0,
            RestJson.Int64(RestJson.Required(data, "ts")) * NanosPerMilli, receiveTimestamp);
    }

    public string CandlesPath(Instrument instrument, CandleInterval interval, int limit) =>
        $"/api/v5/market/candles?instId={Uri.EscapeDataString(instrument.Symbol)}&bar={BarName(interval)}&limit={Math.Min(limit, MaxCandles)}";

    /// <remarks>Rows are <c>[ts, o, h, l, c, vol, volCcy, volCcyQuote, confirm]</c>, newest first; <c>confirm</c> is <c>"1"</c> once the bar closed.</remarks>
    public IReadOnlyList<Candle> ParseCandles(ReadOnlySpan<byte> body, Instrument instrument, int limit)
    {
        using var document = RestJson.Parse(body);
        return RestCandles.Read(RestEnvelope.Okx.Payload(document.RootElement), Bars, instrument, limit);
    }

    private static string BarName(CandleInterval interval) => interval switch
    {
        CandleInterval.OneMinute => "1m",
        CandleInterval.ThreeMinutes => "3m",
        CandleInterval.FiveMinutes => "5m",
        CandleInterval.FifteenMinutes => "15m",
        CandleInterval.ThirtyMinutes => "30m",
        CandleInterval.OneHour => "1H",
        CandleInterval.TwoHours => "2H",
        CandleInterval.FourHours => "4H",
        CandleInterval.SixHours => "6Hutc",
        CandleInterval.TwelveHours => "12Hutc",
        CandleInterval.OneDay => "1Dutc",
        CandleInterval.ThreeDays => "3Dutc",
        CandleInterval.OneWeek => "1Wutc",
        CandleInterval.OneMonth => "1Mutc",
        _ => throw new NotSupportedException($"Received candle interval {interval}; OKX has no such bar."),
    };
}

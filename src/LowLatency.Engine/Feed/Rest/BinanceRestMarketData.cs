using System.Text.Json;
using LowLatency.Core.Instruments;
using LowLatency.Core.Snapshots;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Feed.Rest;

/// <summary>
/// Binance REST market data under the venue's prefix (<c>/api/v3/</c> spot, <c>/fapi/v1/</c> USD-M,
/// <c>/dapi/v1/</c> COIN-M): <c>ticker/24hr</c>, <c>depth</c> and <c>klines</c>.
/// </summary>
/// <remarks>
/// Binance market streams carry no ticker channel the adapters use; the best-bid-offer stream
/// (<c>bookTicker</c>) keeps the ticker cache fresh instead. The 24 h ticker is the one REST call
/// that gives bid, ask, last price and volume together.
/// </remarks>
internal sealed class BinanceRestMarketData : IRestMarketData
{
    private const long NanosPerMilli = 1_000_000;
    private static readonly RestTickerFields Fields = new("bidPrice", "bidQty", "askPrice", "askQty", "lastPrice", "lastQty", "volume");
    private static readonly RestCandleLayout Klines = new(NanosPerMilli, Open: 1, High: 2, Low: 3, Close: 4, Volume: 5, NewestFirst: false);
    private readonly string _prefix;

    /// <summary>Creates it for a venue whose depth snapshots are at <paramref name="depthPath"/> (e.g. <c>/api/v3/depth</c>).</summary>
    public BinanceRestMarketData(string depthPath)
    {
        if (!depthPath.EndsWith("/depth", StringComparison.Ordinal))
            throw new ArgumentException($"Received depth path '{depthPath}'; expected a Binance path ending in /depth.", nameof(depthPath));
        _prefix = depthPath[..^"depth".Length];
    }

    public MarketChannels TickerChannel => MarketChannels.BestBidOffer;

    public string TickerPath(Instrument instrument) => $"{_prefix}ticker/24hr?symbol={Uri.EscapeDataString(instrument.Symbol.ToUpperInvariant())}";

    public TickerSnapshot ParseTicker(ReadOnlySpan<byte> body, Instrument instrument, long receiveTimestamp)
    {
        using var document = RestJson.Parse(body);
        var root = document.RootElement;
        // COIN-M answers an array even for one symbol.
        if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0)
            root = root[0];
        var ticker = RestTickers.Read(root, Fields, instrument, receiveTimestamp);
        ticker.ExchangeTimeNs = root.TryGetProperty("closeTime", out var close) ? RestJson.Int64(close) * NanosPerMilli : 0;
        return ticker;
    }

    /// <remarks>Asks for 5 or 10 levels, limits every Binance market accepts.</remarks>
    public string BookPath(Instrument instrument, int depth) =>
        $"{_prefix}depth?symbol={Uri.EscapeDataString(instrument.Symbol.ToUpperInvariant())}&limit={(depth <= 5 ? 5 : 10)}";

    public BookTopSnapshot ParseBook(ReadOnlySpan<byte> body, Instrument instrument, int depth, long receiveTimestamp)
    {
        using var document = RestJson.Parse(body);
        var root = document.RootElement;
        return RestBookLevels.Snapshot(RestJson.Required(root, "bids"), RestJson.Required(root, "asks"), depth, instrument,
            RestJson.Int64(RestJson.Required(root, "lastUpdateId")),
            root.TryGetProperty("E", out var time) ? RestJson.Int64(time) * NanosPerMilli : 0, receiveTimestamp);
    }

    public string CandlesPath(Instrument instrument, CandleInterval interval, int limit) =>
        $"{_prefix}klines?symbol={Uri.EscapeDataString(instrument.Symbol.ToUpperInvariant())}&interval={IntervalName(interval)}&limit={limit}";

    public IReadOnlyList<Candle> ParseCandles(ReadOnlySpan<byte> body, Instrument instrument, int limit)
    {
        using var document = RestJson.Parse(body);
        return RestCandles.Read(document.RootElement, Klines, instrument, limit);
    }

    private static string IntervalName(CandleInterval interval) => interval switch
    {
        CandleInterval.OneMinute => "1m",
        CandleInterval.ThreeMinutes => "3m",
        CandleInterval.FiveMinutes => "5m",
        CandleInterval.FifteenMinutes => "15m",
        CandleInterval.ThirtyMinutes => "30m",
        CandleInterval.OneHour => "1h",
        CandleInterval.TwoHours => "2h",
        CandleInterval.FourHours => "4h",
        CandleInterval.SixHours => "6h",
        CandleInterval.EightHours => "8h",
        CandleInterval.TwelveHours => "12h",
        CandleInterval.OneDay => "1d",
        CandleInterval.ThreeDays => "3d",
        CandleInterval.OneWeek => "1w",
        CandleInterval.OneMonth => "1M",
        _ => throw new NotSupportedException($"Received candle interval {interval}; Binance has no such kline interval."),
    };
}

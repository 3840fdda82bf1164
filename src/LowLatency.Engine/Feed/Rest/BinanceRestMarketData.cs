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
        int price = instrument.PriceScale, quantity = instrument.QuantityScale;
        return new TickerSnapshot
        {
            BidPriceTicks = RestJson.FixedPoint(RestJson.Required(root, "bidPrice"), price),
            BidQuantity = RestJson.FixedPoint(RestJson.Required(root, "bidQty"), quantity),
            AskPriceTicks = RestJson.FixedPoint(RestJson.Required(root, "askPrice"), price),
            AskQuantity = RestJson.FixedPoint(RestJson.Required(root, "askQty"), quantity),
            LastPriceTicks = RestJson.FixedPoint(RestJson.Required(root, "lastPrice"), price),
            LastQuantity = root.TryGetProperty("lastQty", out var lastQty) ? RestJson.FixedPoint(lastQty, quantity) : 0,
            Volume24h = RestJson.FixedPoint(RestJson.Required(root, "volume"), quantity),
            ExchangeTimeNs = root.TryGetProperty("closeTime", out var close) ? RestJson.Int64(close) * NanosPerMilli : 0,
            ReceiveTimestamp = receiveTimestamp,
        };
    }

    /// <remarks>Asks for 5 or 10 levels, limits every Binance market accepts.</remarks>
    public string BookPath(Instrument instrument, int depth) =>
        $"{_prefix}depth?symbol={Uri.EscapeDataString(instrument.Symbol.ToUpperInvariant())}&limit={(depth <= 5 ? 5 : 10)}";

    public BookTopSnapshot ParseBook(ReadOnlySpan<byte> body, Instrument instrument, int depth, long receiveTimestamp)
    {
        using var document = RestJson.Parse(body);
        var root = document.RootElement;
        var snapshot = new BookTopSnapshot
        {
            UpdateId = RestJson.Int64(RestJson.Required(root, "lastUpdateId")),
            ReceiveTimestamp = receiveTimestamp,
            ExchangeTimeNs = root.TryGetProperty("E", out var time) ? RestJson.Int64(time) * NanosPerMilli : 0,
            State = BookDataState.Live,
        };
        snapshot.BidCount = RestBookLevels.Fill(RestJson.Required(root, "bids"), snapshot.Bids, depth, instrument);
        snapshot.AskCount = RestBookLevels.Fill(RestJson.Required(root, "asks"), snapshot.Asks, depth, instrument);
        return snapshot;
    }

    public string CandlesPath(Instrument instrument, CandleInterval interval, int limit) =>
        $"{_prefix}klines?symbol={Uri.EscapeDataString(instrument.Symbol.ToUpperInvariant())}&interval={IntervalName(interval)}&limit={limit}";

    public IReadOnlyList<Candle> ParseCandles(ReadOnlySpan<byte> body, Instrument instrument)
    {
        using var document = RestJson.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
            throw new FormatException($"Received {RestJson.Shorten(root.GetRawText())}; expected a JSON array of klines.");
        var candles = new List<Candle>(root.GetArrayLength());
        int count = root.GetArrayLength();
        int index = 0;
        foreach (var kline in root.EnumerateArray())
        {
            if (kline.ValueKind != JsonValueKind.Array || kline.GetArrayLength() < 6)
                throw new FormatException($"Received kline {RestJson.Shorten(kline.GetRawText())}; expected [openTime, open, high, low, close, volume, ...].");
            int price = instrument.PriceScale;
            // The newest kline is the interval still in progress.
            candles.Add(new Candle(
                RestJson.Int64(kline[0]) * NanosPerMilli,
                RestJson.FixedPoint(kline[1], price),
                RestJson.FixedPoint(kline[2], price),
                RestJson.FixedPoint(kline[3], price),
                RestJson.FixedPoint(kline[4], price),
                RestJson.FixedPoint(kline[5], instrument.QuantityScale),
                IsClosed: ++index < count));
        }
        return candles;
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

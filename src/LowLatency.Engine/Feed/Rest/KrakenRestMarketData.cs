using System.Text.Json;
using LowLatency.Core.Instruments;
using LowLatency.Core.Snapshots;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Feed.Rest;

/// <summary>
/// Kraken spot REST market data: <c>/0/public/Ticker</c>, <c>/0/public/Depth</c> and
/// <c>/0/public/OHLC</c>, each answered <c>{"error":[],"result":{"XXBTZUSD":..}}</c>.
/// </summary>
/// <remarks>
/// The engine's symbols are the WebSocket v2 names (<c>BTC/USD</c>); REST asks by the pair's
/// alternative name (<c>XBTUSD</c>), in which Kraken still spells bitcoin <c>XBT</c> and dogecoin
/// <c>XDG</c>. The result is keyed by Kraken's own pair name (<c>XXBTZUSD</c>), which the engine
/// does not know, so the one pair of the result is taken whatever its key. Errors come back with
/// HTTP 200 and a non-empty <c>error</c> list.
/// </remarks>
internal sealed class KrakenRestMarketData : IRestMarketData
{
    private const long NanosPerSecond = 1_000_000_000;
    private static readonly int[] OhlcMinutes = [1, 5, 15, 30, 60, 240, 1440, 10080];
    private static readonly RestCandleLayout Ohlc = new(NanosPerSecond, Open: 1, High: 2, Low: 3, Close: 4, Volume: 6, NewestFirst: false);

    public MarketChannels TickerChannel => MarketChannels.Ticker;

    public string TickerPath(Instrument instrument) => "/0/public/Ticker?pair=" + RestPair(instrument.Symbol);

    /// <remarks>
    /// <c>a</c> and <c>b</c> are <c>[price, whole lot volume, lot volume]</c>, <c>c</c> is
    /// <c>[price, lot volume]</c>, <c>v</c> is <c>[today, last 24 hours]</c>; the answer carries no time.
    /// </remarks>
    public TickerSnapshot ParseTicker(ReadOnlySpan<byte> body, Instrument instrument, long receiveTimestamp)
    {
        using var document = RestJson.Parse(body);
        var pair = OnlyPair(Result(document.RootElement));
        int price = instrument.PriceScale, quantity = instrument.QuantityScale;
        var ask = RestJson.Required(pair, "a");
        var bid = RestJson.Required(pair, "b");
        var last = RestJson.Required(pair, "c");
        return new TickerSnapshot
        {
            BidPriceTicks = RestJson.FixedPoint(RestJson.At(bid, 0), price),
            BidQuantity = RestJson.FixedPoint(RestJson.At(bid, 2), quantity),
            AskPriceTicks = RestJson.FixedPoint(RestJson.At(ask, 0), price),
            AskQuantity = RestJson.FixedPoint(RestJson.At(ask, 2), quantity),
            LastPriceTicks = RestJson.FixedPoint(RestJson.At(last, 0), price),
            LastQuantity = RestJson.FixedPoint(RestJson.At(last, 1), quantity),
            Volume24h = RestJson.FixedPoint(RestJson.At(RestJson.Required(pair, "v"), 1), quantity),
            ReceiveTimestamp = receiveTimestamp,
        };
    }

    public string BookPath(Instrument instrument, int depth) => $"/0/public/Depth?pair={RestPair(instrument.Symbol)}&count={depth}";

    /// <remarks>Levels are <c>[price, volume, timestamp]</c>; the book itself carries no update id.</remarks>
    public BookTopSnapshot ParseBook(ReadOnlySpan<byte> body, Instrument instrument, int depth, long receiveTimestamp)
    {
        using var document = RestJson.Parse(body);
        var pair = OnlyPair(Result(document.RootElement));
        return RestBookLevels.Snapshot(RestJson.Required(pair, "bids"), RestJson.Required(pair, "asks"), depth, instrument, 0, 0, receiveTimestamp);
    }

    public string CandlesPath(Instrument instrument, CandleInterval interval, int limit) =>
        $"/0/public/OHLC?pair={RestPair(instrument.Symbol)}&interval={RestIntervals.Minutes(interval, OhlcMinutes, "Kraken")}";

    /// <remarks>Rows are <c>[time (s), open, high, low, close, vwap, volume, count]</c>, oldest first, up to 720 of them.</remarks>
    public IReadOnlyList<Candle> ParseCandles(ReadOnlySpan<byte> body, Instrument instrument, int limit)
    {
        using var document = RestJson.Parse(body);
        var result = Result(document.RootElement);
        foreach (var property in result.EnumerateObject())
        {
            if (property.Name != "last")
                return RestCandles.Read(property.Value, Ohlc, instrument, limit);
        }
        throw new FormatException($"Received OHLC result {RestJson.Shorten(result.GetRawText())}; expected the pair's candle rows beside 'last'.");
    }

    /// <summary>Kraken's REST name of a WebSocket v2 symbol: <c>BTC/USD</c> is <c>XBTUSD</c>.</summary>
    internal static string RestPair(string symbol)
    {
        var slash = symbol.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
            return Uri.EscapeDataString(symbol.ToUpperInvariant());
        return Uri.EscapeDataString(RestAsset(symbol[..slash]) + RestAsset(symbol[(slash + 1)..]));
    }

    private static string RestAsset(string asset) => asset.ToUpperInvariant() switch
    {
        "BTC" => "XBT",
        "DOGE" => "XDG",
        var other => other,
    };

    private static JsonElement Result(JsonElement root)
    {
        var errors = RestJson.Required(root, "error");
        if (errors.ValueKind != JsonValueKind.Array)
            throw new FormatException($"Received Kraken error field {RestJson.Shorten(errors.GetRawText())}; expected an array of error strings.");
        if (errors.GetArrayLength() > 0)
            throw new FormatException($"Received Kraken errors {errors.GetRawText()}; expected an empty error list with a result.");
        return RestJson.Required(root, "result");
    }

    private static JsonElement OnlyPair(JsonElement result)
    {
        if (result.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in result.EnumerateObject())
                return property.Value;
        }
        throw new FormatException($"Received result {RestJson.Shorten(result.GetRawText())}; expected an object keyed by the asked pair.");
    }
}

namespace LowLatency.Replay.Market;

/// <summary>
/// Quotes and trades of a recorded feed, per symbol, in recording order: what the REST stub
/// answers tickers and candles from, as of any replay position.
/// </summary>
/// <remarks>
/// Symbols are looked up case-insensitively (Binance streams say <c>btcusdt</c>, its REST says
/// <c>BTCUSDT</c>). Read-only once loaded.
/// </remarks>
public sealed class MarketTape
{
    private readonly Dictionary<string, List<TapeQuote>> _quotes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<TapeTrade>> _trades = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Symbols that have quotes or trades.</summary>
    public IEnumerable<string> Symbols => _quotes.Keys.Union(_trades.Keys, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the tape knows <paramref name="symbol"/>.</summary>
    public bool Contains(string symbol) => _quotes.ContainsKey(symbol) || _trades.ContainsKey(symbol);

    /// <summary>The latest quote recorded before message <paramref name="position"/>, or null.</summary>
    public TapeQuote? LatestQuote(string symbol, int position)
    {
        if (!_quotes.TryGetValue(symbol, out var quotes))
            return null;
        var count = CountBefore(quotes, position, static q => q.Position);
        return count == 0 ? null : quotes[count - 1];
    }

    /// <summary>
    /// The quote current at <paramref name="position"/>: the latest recorded before it, else the
    /// first one recorded (a client asking before the replay reached any quote still gets one).
    /// </summary>
    public TapeQuote? QuoteAt(string symbol, int position) =>
        LatestQuote(symbol, position) ?? (_quotes.TryGetValue(symbol, out var quotes) && quotes.Count > 0 ? quotes[0] : null);

    /// <summary>The trade current at <paramref name="position"/>: the latest recorded before it, else the first one recorded.</summary>
    public TapeTrade? TradeAt(string symbol, int position)
    {
        if (!_trades.TryGetValue(symbol, out var trades) || trades.Count == 0)
            return null;
        var count = CountBefore(trades, position, static t => t.Position);
        return count == 0 ? trades[0] : trades[count - 1];
    }

    /// <summary>Trades recorded before message <paramref name="position"/>, oldest first.</summary>
    public IReadOnlyList<TapeTrade> TradesBefore(string symbol, int position)
    {
        if (!_trades.TryGetValue(symbol, out var trades))
            return [];
        var count = CountBefore(trades, position, static t => t.Position);
        return trades.GetRange(0, count);
    }

    internal void Add(string symbol, TapeQuote quote) => GetList(_quotes, symbol).Add(quote);

    internal void Add(string symbol, TapeTrade trade) => GetList(_trades, symbol).Add(trade);

    private static List<T> GetList<T>(Dictionary<string, List<T>> lists, string symbol)
    {
        if (!lists.TryGetValue(symbol, out var list))
        {
            list = [];
            lists.Add(symbol, list);
        }
        return list;
    }

    private static int CountBefore<T>(List<T> items, int position, Func<T, int> positionOf)
    {
        int low = 0, high = items.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (positionOf(items[mid]) < position)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }
}

using System.Globalization;

namespace LowLatency.Benchmarks.Scenarios.E2E.Naive;

/// <summary>The peer's cache: dictionaries by symbol behind one <c>lock</c>, as a .NET user would share state with readers.</summary>
public sealed class NaiveCache
{
    private static readonly NaiveTicker Empty = new(0, 0, 0, 0, 0, 0, 0, 0);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, NaiveBookTop> _books = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NaiveTicker> _tickers = new(StringComparer.Ordinal);

    public void SetBook(string symbol, NaiveBookTop top)
    {
        lock (_gate)
            _books[symbol] = top;
    }

    public void SetQuote(string symbol, BookTickerDto quote)
    {
        var bid = decimal.Parse(quote.BidPrice, CultureInfo.InvariantCulture);
        var bidQuantity = decimal.Parse(quote.BidQuantity, CultureInfo.InvariantCulture);
        var ask = decimal.Parse(quote.AskPrice, CultureInfo.InvariantCulture);
        var askQuantity = decimal.Parse(quote.AskQuantity, CultureInfo.InvariantCulture);
        lock (_gate)
        {
            var current = _tickers.GetValueOrDefault(symbol, Empty);
            _tickers[symbol] = current with { BidPrice = bid, BidQuantity = bidQuantity, AskPrice = ask, AskQuantity = askQuantity, UpdateId = quote.UpdateId };
        }
    }

    public void SetTrade(string symbol, TradeDto trade)
    {
        var price = decimal.Parse(trade.Price, CultureInfo.InvariantCulture);
        var quantity = decimal.Parse(trade.Quantity, CultureInfo.InvariantCulture);
        lock (_gate)
        {
            var current = _tickers.GetValueOrDefault(symbol, Empty);
            _tickers[symbol] = current with { LastPrice = price, LastQuantity = quantity, TradeId = trade.TradeId };
        }
    }

    public bool TryGetBook(string symbol, out NaiveBookTop? top)
    {
        lock (_gate)
            return _books.TryGetValue(symbol, out top);
    }

    public bool TryGetTicker(string symbol, out NaiveTicker? ticker)
    {
        lock (_gate)
            return _tickers.TryGetValue(symbol, out ticker);
    }
}

namespace LowLatency.Replay.Market;

/// <summary>Aggregates trades into fixed-interval candles (the REST stub's klines/OHLC answers).</summary>
/// <remarks>Intervals without trades produce no candle, as exchanges omit them for illiquid pairs.</remarks>
public static class CandleBuilder
{
    /// <summary>The last <paramref name="limit"/> candles of <paramref name="intervalMs"/> over <paramref name="trades"/>, oldest first.</summary>
    public static IReadOnlyList<Candle> Build(IReadOnlyList<TapeTrade> trades, long intervalMs, int limit)
    {
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalMs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var candles = new List<Candle>();
        Candle? current = null;
        foreach (var trade in trades)
        {
            var open = trade.TimeMs - (trade.TimeMs % intervalMs);
            if (current is not null && open != current.OpenTimeMs)
            {
                candles.Add(current);
                current = null;
            }
            current = Add(current, open, intervalMs, trade);
        }
        if (current is not null)
            candles.Add(current);
        return candles.Count <= limit ? candles : candles.GetRange(candles.Count - limit, limit);
    }

    /// <summary>One candle over every trade in the <paramref name="windowMs"/> before <paramref name="endMs"/> (24 h ticker statistics); null when none.</summary>
    public static Candle? Window(IReadOnlyList<TapeTrade> trades, long endMs, long windowMs)
    {
        ArgumentNullException.ThrowIfNull(trades);
        Candle? window = null;
        foreach (var trade in trades)
        {
            if (trade.TimeMs > endMs - windowMs)
                window = Add(window, endMs - windowMs, windowMs, trade);
        }
        return window;
    }

    private static Candle Add(Candle? candle, long openTimeMs, long intervalMs, TapeTrade trade)
    {
        var price = trade.PriceValue;
        var quote = price * trade.SizeValue;
        var buyVolume = trade.BuyerIsTaker ? trade.SizeValue : 0;
        var buyQuote = trade.BuyerIsTaker ? quote : 0;
        if (candle is null)
            return new Candle(openTimeMs, intervalMs, price, price, price, price, trade.SizeValue, quote, 1, buyVolume, buyQuote);
        return candle with
        {
            High = Math.Max(candle.High, price),
            Low = Math.Min(candle.Low, price),
            Close = price,
            Volume = candle.Volume + trade.SizeValue,
            QuoteVolume = candle.QuoteVolume + quote,
            Trades = candle.Trades + 1,
            TakerBuyVolume = candle.TakerBuyVolume + buyVolume,
            TakerBuyQuoteVolume = candle.TakerBuyQuoteVolume + buyQuote,
        };
    }
}

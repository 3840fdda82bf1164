namespace LowLatency.Replay.Feed;

/// <summary>
/// What a recorded message belongs to, as the exchange names it: a channel and a symbol
/// (<c>depth</c> + <c>btcusdt</c> for Binance, <c>book</c> + <c>BTC/USD</c> for Kraken,
/// <c>orderbook.500.XRPUSDT</c> + <c>XRPUSDT</c> for Bybit).
/// </summary>
/// <remarks>A client's subscriptions are translated into the same keys, so matching a message is an array lookup by key id.</remarks>
/// <param name="Channel">The channel, in the exchange's own spelling.</param>
/// <param name="Symbol">The symbol, in the exchange's own spelling; empty for channels without one.</param>
public readonly record struct StreamKey(string Channel, string Symbol)
{
    /// <inheritdoc />
    public override string ToString() => Symbol.Length == 0 ? Channel : Channel + " " + Symbol;
}

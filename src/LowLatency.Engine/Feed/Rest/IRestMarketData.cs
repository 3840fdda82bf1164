using LowLatency.Core.Instruments;
using LowLatency.Core.Snapshots;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Feed.Rest;

/// <summary>
/// One exchange's REST market data for the fallback path: which stream channel serves its
/// tickers, the paths of ticker, book and candle requests, and how their answers read.
/// </summary>
/// <remarks>Cold path (a fallback is a REST round trip): parsing may allocate.</remarks>
internal interface IRestMarketData
{
    /// <summary>The stream channel that keeps the ticker cache of this venue fresh.</summary>
    MarketChannels TickerChannel { get; }

    /// <summary>Path and query of the ticker request of <paramref name="instrument"/>.</summary>
    string TickerPath(Instrument instrument);

    /// <summary>Reads a ticker answer.</summary>
    /// <exception cref="FormatException">The body is not the expected answer.</exception>
    TickerSnapshot ParseTicker(ReadOnlySpan<byte> body, Instrument instrument, long receiveTimestamp);

    /// <summary>Path and query of the book request of <paramref name="instrument"/>, <paramref name="depth"/> levels per side.</summary>
    string BookPath(Instrument instrument, int depth);

    /// <summary>Reads a book answer, keeping the best <paramref name="depth"/> levels per side.</summary>
    /// <exception cref="FormatException">The body is not the expected answer.</exception>
    BookTopSnapshot ParseBook(ReadOnlySpan<byte> body, Instrument instrument, int depth, long receiveTimestamp);

    /// <summary>Path and query of the candle request: the latest <paramref name="limit"/> candles of <paramref name="interval"/>.</summary>
    /// <exception cref="NotSupportedException">The exchange has no such timeframe.</exception>
    string CandlesPath(Instrument instrument, CandleInterval interval, int limit);

    /// <summary>Reads a candle answer: its newest <paramref name="limit"/> candles, oldest first.</summary>
    /// <exception cref="FormatException">The body is not the expected answer.</exception>
    IReadOnlyList<Candle> ParseCandles(ReadOnlySpan<byte> body, Instrument instrument, int limit);
}

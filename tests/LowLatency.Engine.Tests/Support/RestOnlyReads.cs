using LowLatency.Core.Instruments;
using LowLatency.Core.Snapshots;
using LowLatency.Engine.Feed;
using LowLatency.Engine.Quality;
using LowLatency.Replay.Server;

namespace LowLatency.Engine.Tests.Support;

/// <summary>A ticker, a book and candles read with the WebSocket disabled, each checked to come from REST as degraded.</summary>
public static class RestOnlyReads
{
    public static async Task<(TickerResult Ticker, BookResult Book, CandlesResult Candles)> ReadAsync(Replayer replayer, string venue,
        string tickerSymbol, string bookSymbol, string candleSymbol, int depth, params InstrumentSpec[] instruments)
    {
        await using var engine = new EngineBuilder().AddExchange(venue, replayer).EnableWebSocket(false).AddInstruments(instruments).Build();

        var ticker = await engine.GetTickerAsync(venue, tickerSymbol);
        var book = await engine.GetBookAsync(venue, bookSymbol, depth);
        var candles = await engine.GetOhlcvAsync(venue, candleSymbol, CandleInterval.OneMinute, limit: 10);

        Assert.Equal((DataSource.Rest, DataQuality.Degraded), (ticker.Source, ticker.Quality));
        Assert.Equal((DataSource.Rest, DataQuality.Degraded), (book.Source, book.Quality));
        Assert.Equal((DataSource.Rest, DataQuality.Degraded), (candles.Source, candles.Quality));
        Assert.Equal(0, replayer.Statistics.ConnectionsAccepted);
        Assert.Equal(new FeedCounters(CacheHits: 0, Waits: 0, Fallbacks: 3, FallbackFailures: 0), engine.GetStatus().Feed);
        return (ticker, book, candles);
    }

    /// <summary>The book's levels as decimals, bids then asks, best first.</summary>
    public static (decimal Price, decimal Quantity)[][] Levels(BookResult book) =>
    [
        [.. Enumerable.Range(0, book.Snapshot.BidCount).Select(book.Bid)],
        [.. Enumerable.Range(0, book.Snapshot.AskCount).Select(book.Ask)],
    ];
}

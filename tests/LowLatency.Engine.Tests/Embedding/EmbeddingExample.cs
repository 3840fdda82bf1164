using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Tests.Embedding;

/// <summary>The embedding example of docs/EMBEDDING.md, verbatim between the markers (a test keeps the two equal).</summary>
public static class EmbeddingExample
{
    public static async Task RunAsync(Uri webSocketUrl, Uri restUrl, TextWriter output)
    {
        // begin example
        await using var engine = new EngineBuilder()
            .AddExchange("binance-spot", webSocketUrl, restUrl) // .AddExchange("binance-spot") for Binance itself
            .Build();

        var quotes = new QuoteCounter();
        await using var session = engine.AddStrategy("quotes", quotes);
        await session.SubscribeAsync("binance-spot", ["NKNUSDT", "LRCBTC"], MarketChannels.Book | MarketChannels.BestBidOffer);

        var ticker = await engine.GetTickerAsync("binance-spot", "NKNUSDT");
        output.WriteLine($"NKNUSDT bid {ticker.Bid} ask {ticker.Ask} from {ticker.Source} ({ticker.Quality})");

        var book = await engine.GetBookAsync("binance-spot", "LRCBTC", depth: 5);
        output.WriteLine($"LRCBTC best bid {book.Bid(0).Price} ask {book.Ask(0).Price} from {book.Source}");

        await quotes.FirstQuote;
        output.WriteLine($"{quotes.Count} quotes reached the strategy");
        // end example
    }
}

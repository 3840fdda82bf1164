using LowLatency.Replay.Feed;
using LowLatency.Replay.Tests.Infrastructure;

namespace LowLatency.Replay.Tests.Feed;

public sealed class RecordedFeedTests
{
    [Fact]
    public void Dump()
    {
        foreach (var (exchange, path) in new[]
                 {
                     ("binance", TestPaths.BinanceSpotHbt), ("binance", TestPaths.BinanceCryptofeed),
                     ("okx", TestPaths.Fixture("okx/cryptofeed/OKX.ws.1.0")), ("bybit", TestPaths.Fixture("bybit/cryptofeed-l1/BYBIT.ws.1.0")),
                     ("kucoin", TestPaths.Fixture("kucoin/cryptofeed/KUCOIN.ws.1.0")),
                 })
        {
            var feed = RecordedFeed.Load(exchange, path);
            Console.WriteLine($"{path}: data {feed.Count} session {feed.SessionMessages} unrouted {feed.UnroutedMessages} keys {feed.Keys.Count} rest {feed.RestResponses.Count} [{string.Join(",", feed.RestResponses.Select(r => r.Endpoint + ":" + r.Symbol))}] tape [{string.Join(",", feed.Tape.Symbols)}]");
            for (var i = 0; i < Math.Min(feed.Keys.Count, 8); i++)
                Console.WriteLine("   key " + feed.Keys[i]);
        }
    }
}

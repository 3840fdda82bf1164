using System.Text;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Protocols;
using LowLatency.Replay.Tests.Infrastructure;

namespace LowLatency.Replay.Tests.Feed;

public sealed class RecordedFeedTests
{
    [Fact]
    public void Hbt_capture_keeps_every_stream_message_and_takes_the_inline_snapshot_as_rest_for_its_symbol()
    {
        var feed = SharedFeeds.BinanceSpot;

        Assert.Equal(41_248, feed.Count);
        Assert.Equal(0, feed.UnroutedMessages);
        var snapshot = Assert.Single(feed.RestResponses);
        Assert.Equal("BTCUSDT", snapshot.Symbol);
        Assert.StartsWith("{\"lastUpdateId\":50093239218,", Encoding.UTF8.GetString(snapshot.Body));
        Assert.Equal(["bookTicker btcusdt", "depth btcusdt", "trade btcusdt"], Enumerable.Range(0, feed.Keys.Count).Select(i => feed.Keys[i].ToString()).Order());
    }

    [Fact]
    public void Binance_variants_are_the_recorded_message_and_the_raw_payload_of_its_data_field()
    {
        var feed = SharedFeeds.BinanceSpot;

        var combined = Encoding.UTF8.GetString(feed.Payload(0, 0).Span);
        var raw = Encoding.UTF8.GetString(feed.Payload(0, 1).Span);

        Assert.StartsWith("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\"", combined);
        Assert.Equal("{\"stream\":\"btcusdt@depth@100ms\",\"data\":" + raw + "}", combined);
    }

    [Fact]
    public void Raw_binance_payloads_are_wrapped_under_their_derived_stream_name()
    {
        var path = Path.GetTempFileName();
        const string trade = "{\"e\":\"trade\",\"E\":1,\"s\":\"ETHUSDT\",\"t\":5,\"p\":\"2.50\",\"q\":\"1.0\",\"T\":1,\"m\":true,\"M\":true}";
        const string book = "{\"u\":400900217,\"s\":\"ETHUSDT\",\"b\":\"2.49\",\"B\":\"31\",\"a\":\"2.51\",\"A\":\"40\"}";
        File.WriteAllText(path, $"1000\t{trade}\n2000\t{book}\n");

        var feed = RecordedFeed.Load("binance", path);

        Assert.Equal("{\"stream\":\"ethusdt@trade\",\"data\":" + trade + "}", Encoding.UTF8.GetString(feed.Payload(0, 0).Span));
        Assert.Equal(trade, Encoding.UTF8.GetString(feed.Payload(0, 1).Span));
        Assert.Equal(new StreamKey("bookTicker", "ethusdt"), feed.Keys[feed.KeyId(1)]);
    }

    [Fact]
    public void Frames_are_unmasked_final_text_frames_around_the_payload()
    {
        var feed = SharedFeeds.BinanceSpot;

        for (var i = 0; i < 50; i++)
        {
            var frame = feed.Frame(i);
            var payload = feed.Payload(i).Span;
            Assert.Equal(0x81, frame[0]);
            Assert.Equal(0, frame[1] & 0x80);
            Assert.True(frame.EndsWith(payload));
            Assert.Equal(payload.Length <= 125 ? 2 : payload.Length <= ushort.MaxValue ? 4 : 10, frame.Length - payload.Length);
        }
    }

    [Fact]
    public void Cryptofeed_capture_brings_the_snapshots_of_its_http_companion()
    {
        var feed = SharedFeeds.BinanceCryptofeed;

        Assert.Equal(265, feed.Count);
        Assert.Equal(["BLZETH", "LRCBTC", "NKNUSDT", "RUNEEUR"], feed.RestResponses.Select(r => r.Symbol!).Order());
    }

    [Theory]
    [InlineData("okx", "okx/cryptofeed/OKX.ws.1.0", 392, 18)]
    [InlineData("bybit", "bybit/cryptofeed-l1/BYBIT.ws.1.0", 198, 4)]
    [InlineData("kucoin", "kucoin/cryptofeed/KUCOIN.ws.1.0", 4_707, 14)]
    public void Recorded_session_messages_are_not_replayed(string exchange, string fixture, int data, int session)
    {
        var feed = RecordedFeed.Load(exchange, TestPaths.Fixture(fixture));

        Assert.Equal(data, feed.Count);
        Assert.Equal(session, feed.SessionMessages);
        Assert.Equal(0, feed.UnroutedMessages);
    }

    [Fact]
    public void Kraken_v1_messages_are_counted_as_unrouted()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "1000\t[1234,{\"a\":[\"5541.30000\",\"1\",\"1.000\"]},\"ticker\",\"XBT/USD\"]\n");

        var feed = RecordedFeed.Load("kraken", path);

        Assert.Equal(0, feed.Count);
        Assert.Equal(1, feed.UnroutedMessages);
    }

    [Fact]
    public void Venue_names_select_their_exchange()
    {
        Assert.Equal("binance", RecordedFeed.Load("binance-usdm", TestPaths.BinanceCryptofeed).Exchange);
    }

    [Fact]
    public void Unknown_exchange_is_refused_with_the_known_ones()
    {
        var error = Assert.Throws<UnknownReplayExchangeException>(() => RecordedFeed.Load("mtgox", TestPaths.BinanceCryptofeed));

        Assert.Equal("Received exchange 'mtgox'; expected one of binance, bybit, kraken, kucoin, okx.", error.Message);
    }

    [Fact]
    public void Missing_file_is_reported_with_its_path()
    {
        var error = Assert.Throws<FileNotFoundException>(() => RecordedFeed.Load("binance", "/nonexistent/capture.gz"));

        Assert.Contains("/nonexistent/capture.gz", error.Message);
    }
}

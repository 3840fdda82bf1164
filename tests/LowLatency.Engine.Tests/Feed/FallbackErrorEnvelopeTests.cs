using LowLatency.Engine.Tests.Support;

namespace LowLatency.Engine.Tests.Feed;

/// <summary>An exchange that answers a fallback read with its error envelope (HTTP 200): the read fails, and the feed counts and logs it.</summary>
public sealed class FallbackErrorEnvelopeTests
{
    [Theory]
    [InlineData("kraken", "BTC/USD", """{"error":["EQuery:Unknown asset pair"]}""", "EQuery:Unknown asset pair")]
    [InlineData("bybit-spot", "BTCUSDT", """{"retCode":10001,"retMsg":"params error: symbol invalid","result":{},"retExtInfo":{},"time":1}""", "retCode 10001")]
    [InlineData("kucoin-futures", "XBTUSDTM", """{"code":"400100","msg":"symbol is not supported"}""", "code 400100")]
    [InlineData("okx", "BTC-USDT", """{"code":"51001","msg":"Instrument ID does not exist","data":[]}""", "code 51001")]
    public async Task Error_envelope_fails_the_read_as_a_counted_and_logged_fallback_failure(string venue, string symbol, string answer, string named)
    {
        await using var exchange = new LoopbackHttp(_ => answer);
        var logs = new CapturingLoggerProvider();
        await using var engine = new EngineBuilder()
            .AddExchange(venue, new Uri("ws://127.0.0.1:1/"), exchange.Url)
            .EnableWebSocket(false)
            .WithLogging(logs)
            .Build();

        var error = await Assert.ThrowsAsync<FormatException>(async () => await engine.GetTickerAsync(venue, symbol));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, engine.GetStatus().Feed.FallbackFailures);
        Assert.Contains(logs.Lines, line => line.Contains(named, StringComparison.Ordinal));
    }
}

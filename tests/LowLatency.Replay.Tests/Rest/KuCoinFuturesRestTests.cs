using System.Net.Http;
using System.Text.Json;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Server;
using LowLatency.Replay.Tests.Infrastructure;

namespace LowLatency.Replay.Tests.Rest;

/// <summary>KuCoin futures ticker and klines from the recorded futures tickers and executions, in KuCoin's futures shapes.</summary>
public sealed class KuCoinFuturesRestTests
{
    private static readonly ReplayerOptions MaxSpeed = new() { Speed = ReplaySpeed.Max };
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Futures_ticker_is_the_last_recorded_ticker_and_execution_with_numeric_sizes()
    {
        await using var replayer = Replayer.Start(RecordedFeed.Load("kucoin", KuCoinFuturesCapture.Path), MaxSpeed);

        using var answer = JsonDocument.Parse(await Http.GetStringAsync(replayer.RestUrlOf("/api/v1/ticker?symbol=XBTUSDTM")));

        var data = answer.RootElement.GetProperty("data");
        // The ticker push (after tickerV2): bid 90147.7 x 2186, ask 90147.8 x 275; the execution: 2 at 90503.9.
        Assert.Equal(("90147.7", 2186, "90147.8", 275), (data.GetProperty("bestBidPrice").GetString(), data.GetProperty("bestBidSize").GetInt32(),
            data.GetProperty("bestAskPrice").GetString(), data.GetProperty("bestAskSize").GetInt32()));
        Assert.Equal(("90503.9", 2, "buy"), (data.GetProperty("price").GetString(), data.GetProperty("size").GetInt32(), data.GetProperty("side").GetString()));
        Assert.Equal(1_731_679_215_637_000_000, data.GetProperty("ts").GetInt64());
    }

    [Fact]
    public async Task Futures_klines_are_numeric_rows_built_from_the_recorded_executions()
    {
        await using var replayer = Replayer.Start(RecordedFeed.Load("kucoin", KuCoinFuturesCapture.Path), MaxSpeed);

        using var answer = JsonDocument.Parse(await Http.GetStringAsync(replayer.RestUrlOf("/api/v1/kline/query?symbol=XBTUSDTM&granularity=1")));

        var row = Assert.Single(answer.RootElement.GetProperty("data").EnumerateArray());
        Assert.Equal(1_731_898_560_000, row[0].GetInt64());
        Assert.Equal([90503.9m, 90503.9m, 90503.9m, 90503.9m, 2m], row.EnumerateArray().Skip(1).Select(v => v.GetDecimal()));
    }

    [Fact]
    public async Task Futures_klines_outside_from_and_to_are_left_out()
    {
        await using var replayer = Replayer.Start(RecordedFeed.Load("kucoin", KuCoinFuturesCapture.Path), MaxSpeed);

        using var answer = JsonDocument.Parse(await Http.GetStringAsync(replayer.RestUrlOf("/api/v1/kline/query?symbol=XBTUSDTM&granularity=1&to=1731898000000")));

        Assert.Equal(0, answer.RootElement.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Futures_klines_of_an_unknown_granularity_are_refused()
    {
        await using var replayer = Replayer.Start(RecordedFeed.Load("kucoin", KuCoinFuturesCapture.Path), MaxSpeed);

        var answer = await Http.GetAsync(replayer.RestUrlOf("/api/v1/kline/query?symbol=XBTUSDTM&granularity=3"));

        Assert.Equal(400, (int)answer.StatusCode);
    }
}

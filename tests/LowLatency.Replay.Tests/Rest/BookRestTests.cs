using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Server;
using LowLatency.Replay.Tests.Infrastructure;

namespace LowLatency.Replay.Tests.Rest;

/// <summary>
/// The REST stub's book endpoints in each exchange's shape, at max speed (the replay position is
/// the end of the recording), against the adapter's books over the whole capture file.
/// </summary>
public sealed class BookRestTests
{
    private static readonly ReplayerOptions MaxSpeed = new() { Speed = ReplaySpeed.Max };
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Kraken_depth_is_the_adapters_book_under_the_pair_asked_cut_to_count()
    {
        await using var replayer = Replayer.Start(SharedFeeds.KrakenV2, MaxSpeed);

        using var answer = await GetAsync(replayer, "/0/public/Depth?pair=XBTUSD&count=5");

        Assert.Equal(0, answer.RootElement.GetProperty("error").GetArrayLength());
        var book = answer.RootElement.GetProperty("result").GetProperty("XBTUSD");
        Assert.Equal(Expected("kraken", TestPaths.KrakenV2, "BTC/USD", 5), [Levels(book.GetProperty("bids")), Levels(book.GetProperty("asks"))]);
        Assert.Equal(3, book.GetProperty("asks")[0].GetArrayLength());
    }

    [Fact]
    public async Task Kraken_depth_without_the_pairs_precisions_is_service_unavailable()
    {
        var withoutInstruments = Path.GetTempFileName();
        File.WriteAllLines(withoutInstruments, File.ReadLines(TestPaths.KrakenV2).Where(l => !l.Contains("\"channel\":\"instrument\"", StringComparison.Ordinal)));
        await using var replayer = Replayer.Start(RecordedFeed.Load("kraken", withoutInstruments), MaxSpeed);

        var answer = await Http.GetStringAsync(replayer.RestUrlOf("/0/public/Depth?pair=XBTUSD"));

        Assert.Equal("{\"error\":[\"EService:Unavailable\"]}", answer);
    }

    [Fact]
    public async Task Kraken_depth_count_above_500_is_invalid_arguments()
    {
        await using var replayer = Replayer.Start(SharedFeeds.KrakenV2, MaxSpeed);

        var answer = await Http.GetStringAsync(replayer.RestUrlOf("/0/public/Depth?pair=XBTUSD&count=501"));

        Assert.Equal("{\"error\":[\"EGeneral:Invalid arguments:count\"]}", answer);
    }

    [Fact]
    public async Task Bybit_orderbook_is_the_adapters_book_with_the_last_update_id()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BybitXrp, MaxSpeed);

        using var answer = await GetAsync(replayer, "/v5/market/orderbook?category=linear&symbol=XRPUSDT&limit=50");

        Assert.Equal(0, answer.RootElement.GetProperty("retCode").GetInt32());
        var result = answer.RootElement.GetProperty("result");
        Assert.Equal("XRPUSDT", result.GetProperty("s").GetString());
        Assert.Equal(20_254_918, result.GetProperty("u").GetInt64());
        Assert.Equal(Expected("bybit-linear", TestPaths.BybitXrpOb500, "XRPUSDT", 50), [Levels(result.GetProperty("b")), Levels(result.GetProperty("a"))]);
    }

    [Theory]
    [InlineData("category=linear&symbol=XRPUSDT&limit=501", 10001)]
    [InlineData("category=spot&symbol=XRPUSDT&limit=201", 10001)]
    [InlineData("category=inverse&symbol=XRPUSDT", 10001)]
    [InlineData("category=linear&symbol=BTCUSDT", 10001)]
    public async Task Bybit_orderbook_refuses_what_bybit_refuses(string query, int retCode)
    {
        await using var replayer = Replayer.Start(SharedFeeds.BybitXrp, MaxSpeed);

        using var answer = await GetAsync(replayer, "/v5/market/orderbook?" + query);

        Assert.Equal(retCode, answer.RootElement.GetProperty("retCode").GetInt32());
    }

    [Fact]
    public async Task Okx_books_are_the_adapters_checksummed_book_with_four_field_levels()
    {
        await using var replayer = Replayer.Start(SharedFeeds.Okx, MaxSpeed);

        using var answer = await GetAsync(replayer, "/api/v5/market/books?instId=BTC-USDT&sz=5");

        Assert.Equal("0", answer.RootElement.GetProperty("code").GetString());
        var book = answer.RootElement.GetProperty("data")[0];
        Assert.Equal(Expected("okx", TestPaths.Okx, "BTC-USDT", 5), [Levels(book.GetProperty("bids")), Levels(book.GetProperty("asks"))]);
        Assert.Equal(4, book.GetProperty("bids")[0].GetArrayLength());
        Assert.True(long.Parse(book.GetProperty("ts").GetString()!, CultureInfo.InvariantCulture) > 1_600_000_000_000);
    }

    [Fact]
    public async Task KuCoin_spot_part_book_is_the_book_bridged_from_the_recorded_snapshot()
    {
        await using var replayer = Replayer.Start(SharedFeeds.KuCoinSpot, MaxSpeed);

        using var answer = await GetAsync(replayer, "/api/v1/market/orderbook/level2_20?symbol=SNX-BTC");

        Assert.Equal("200000", answer.RootElement.GetProperty("code").GetString());
        var data = answer.RootElement.GetProperty("data");
        Assert.Equal(Expected("kucoin-spot", TestPaths.KuCoinSpot, "SNX-BTC", 20), [Levels(data.GetProperty("bids")), Levels(data.GetProperty("asks"))]);
        Assert.Equal(JsonValueKind.String, data.GetProperty("sequence").ValueKind);
    }

    [Fact]
    public async Task KuCoin_futures_depth_before_any_snapshot_is_unavailable()
    {
        await using var replayer = Replayer.Start(RecordedFeed.Load("kucoin", KuCoinFuturesCapture.Path), MaxSpeed);

        var answer = await Http.GetAsync(replayer.RestUrlOf("/api/v1/level2/depth20?symbol=XBTUSDTM"));

        Assert.Equal(503, (int)answer.StatusCode);
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("500000", body.RootElement.GetProperty("code").GetString());
    }

    private static async Task<JsonDocument> GetAsync(Replayer replayer, string pathAndQuery) =>
        JsonDocument.Parse(await Http.GetStringAsync(replayer.RestUrlOf(pathAndQuery)));

    private static (decimal Price, decimal Quantity)[][] Expected(string venue, string capture, string symbol, int depth)
    {
        var top = OfflineBooks.Top(OfflineBooks.After(venue, capture), symbol, depth);
        Assert.NotNull(top);
        Assert.Equal(depth, top[0].Length);
        return top;
    }

    private static (decimal, decimal)[] Levels(JsonElement side) =>
        [.. side.EnumerateArray().Select(l => (Number(l[0]), Number(l[1])))];

    private static decimal Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture) : value.GetDecimal();
}

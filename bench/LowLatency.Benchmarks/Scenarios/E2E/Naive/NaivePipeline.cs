using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using LowLatency.Benchmarks.Scenarios.E2E.Harness;

namespace LowLatency.Benchmarks.Scenarios.E2E.Naive;

/// <summary>
/// The naive pipeline of BENCH.md, written the way a .NET developer would: <see cref="ClientWebSocket"/>
/// receives the combined streams, <see cref="JsonSerializer"/> (source-generated) turns each message into
/// DTOs, a bounded <see cref="Channel{T}"/> hands them to a consumer task, which keeps the book
/// (<see cref="NaiveBookKeeper"/>) and publishes tops and tickers into a <c>lock</c>-protected
/// <see cref="NaiveCache"/>.
/// </summary>
/// <remarks>
/// <para>It does the same work as our engine on the same bytes: parse depth, trade and bookTicker,
/// keep the full book in sync (REST snapshot over <see cref="HttpClient"/>, diffs bridged by update
/// id), publish the top 10 levels and the ticker. The channel holds 65,536 messages and makes the
/// reader wait when full, like our ring's default <c>Block</c> policy.</para>
/// <para>Right after each cache update the consumer records the message's key and time in the
/// <see cref="VisibilityLog"/>: the same call at the same point as our cache consumer's probe.</para>
/// </remarks>
public sealed class NaivePipeline : IAsyncDisposable
{
    private const int TopDepth = 10;
    private readonly ClientWebSocket _socket = new();
    private readonly HttpClient _http = new();
    private readonly Channel<object> _channel = Channel.CreateBounded<object>(new BoundedChannelOptions(65_536)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly CancellationTokenSource _stop = new();
    private readonly NaiveBookKeeper _books;
    private readonly VisibilityLog _visible;
    private readonly Uri _snapshotUri;
    private Task _receiving = Task.CompletedTask;
    private Task _consuming = Task.CompletedTask;

    private NaivePipeline(Uri restBase, VisibilityLog visible)
    {
        _visible = visible;
        _snapshotUri = new Uri(restBase, $"/api/v3/depth?symbol={E2EFeed.Symbol}&limit=1000");
        _books = new NaiveBookKeeper(() => _http.GetFromJsonAsync(_snapshotUri, NaiveJsonContext.Default.DepthSnapshotDto, _stop.Token)!);
    }

    /// <summary>The peer's cache (readers may query it while data flows).</summary>
    public NaiveCache Cache { get; } = new();

    /// <summary>True once the consumer has the book in sync.</summary>
    public bool IsBookSynced => _books.IsSynced;

    /// <summary>Messages the receive loop could not route (should stay 0).</summary>
    public long Unrouted { get; private set; }

    /// <summary>Connects to <paramref name="webSocketUri"/> and starts receiving and consuming.</summary>
    public static async Task<NaivePipeline> StartAsync(Uri webSocketUri, Uri restBase, VisibilityLog visible)
    {
        var pipeline = new NaivePipeline(restBase, visible);
        await pipeline._socket.ConnectAsync(webSocketUri, pipeline._stop.Token).ConfigureAwait(false);
        pipeline._consuming = Task.Run(pipeline.ConsumeAsync);
        pipeline._receiving = Task.Run(pipeline.ReceiveAsync);
        return pipeline;
    }

    /// <summary>Stops both loops and closes the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        try
        {
            await Task.WhenAll(_receiving, _consuming).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ChannelClosedException)
        {
            // Stopping.
        }
        _socket.Dispose();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        var writer = _channel.Writer;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                var envelope = JsonSerializer.Deserialize(message.GetBuffer().AsSpan(0, (int)message.Length), NaiveJsonContext.Default.StreamEnvelope);
                message.SetLength(0);
                object? update = envelope?.Stream switch
                {
                    { } s when s.EndsWith("@depth@100ms", StringComparison.Ordinal) => envelope.Data.Deserialize(NaiveJsonContext.Default.DepthUpdateDto),
                    { } s when s.EndsWith("@trade", StringComparison.Ordinal) => envelope.Data.Deserialize(NaiveJsonContext.Default.TradeDto),
                    { } s when s.EndsWith("@bookTicker", StringComparison.Ordinal) => envelope.Data.Deserialize(NaiveJsonContext.Default.BookTickerDto),
                    _ => null,
                };
                if (update is null)
                {
                    Unrouted++;
                    continue;
                }
                await writer.WriteAsync(update, _stop.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private async Task ConsumeAsync()
    {
        await foreach (var update in _channel.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
        {
            long key;
            switch (update)
            {
                case DepthUpdateDto depth:
                    if (_books.OnDiff(depth))
                        Cache.SetBook(depth.Symbol, _books.Book.Top(TopDepth, depth.EventTime));
                    key = MessageKey.Of(RecordedStream.Depth, depth.FinalUpdateId);
                    break;
                case TradeDto trade:
                    Cache.SetTrade(trade.Symbol, trade);
                    key = MessageKey.Of(RecordedStream.Trade, trade.TradeId);
                    break;
                case BookTickerDto quote:
                    Cache.SetQuote(quote.Symbol, quote);
                    key = MessageKey.Of(RecordedStream.BookTicker, quote.UpdateId);
                    break;
                default:
                    continue;
            }
            _visible.Record(key, System.Diagnostics.Stopwatch.GetTimestamp());
        }
    }
}

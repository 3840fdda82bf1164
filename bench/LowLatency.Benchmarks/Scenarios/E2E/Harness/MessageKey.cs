namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>
/// Names one recorded message by what it carries: its stream and the id Binance gave it (the final
/// update id of a depth or bookTicker message, the trade id of a trade).
/// </summary>
/// <remarks>
/// Each pipeline derives the key from what it parsed, so a visible update finds its message's
/// index in the capture (and so its send time) without either pipeline carrying the index along.
/// Update ids and trade ids are unique within their stream in a capture.
/// </remarks>
public static class MessageKey
{
    /// <summary>The key of the <paramref name="stream"/> message with <paramref name="id"/>.</summary>
    public static long Of(RecordedStream stream, long id) => (id << 2) | (long)stream;
}

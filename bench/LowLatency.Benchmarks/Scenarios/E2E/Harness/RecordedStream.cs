namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>The Binance streams of the recorded capture, as both pipelines tell them apart.</summary>
public enum RecordedStream
{
    /// <summary><c>depthUpdate</c> (identified by its final update id <c>u</c>).</summary>
    Depth = 1,

    /// <summary><c>trade</c> (identified by its trade id <c>t</c>).</summary>
    Trade = 2,

    /// <summary><c>bookTicker</c> (identified by its update id <c>u</c>).</summary>
    BookTicker = 3,
}

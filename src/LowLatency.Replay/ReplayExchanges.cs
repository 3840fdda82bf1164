using LowLatency.Replay.Protocols;

namespace LowLatency.Replay;

/// <summary>The exchanges whose sessions the replayer speaks.</summary>
public static class ReplayExchanges
{
    /// <summary>Exchange names accepted by <see cref="Feed.RecordedFeed.Load(string, string, Capture.CaptureFormat?)"/> (a venue name such as <c>binance-usdm</c> also works).</summary>
    public static IReadOnlyList<string> Names => ExchangeProtocols.Names;
}

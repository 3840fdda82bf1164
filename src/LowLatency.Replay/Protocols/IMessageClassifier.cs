using LowLatency.Replay.Feed;
using LowLatency.Replay.Market;

namespace LowLatency.Replay.Protocols;

/// <summary>Sorts the recorded messages of one capture while it loads (see <see cref="MessageClass"/>).</summary>
internal interface IMessageClassifier
{
    /// <summary>Classifies a received message; adds its quotes and trades to <paramref name="tape"/>.</summary>
    /// <param name="message">The recorded message.</param>
    /// <param name="timestampNs">Its recorded receive time.</param>
    /// <param name="position">The index it will have if it is data (messages before it).</param>
    /// <param name="result">Filled with the class, key and frame payloads.</param>
    /// <param name="tape">Where quotes and trades go.</param>
    void Classify(ReadOnlyMemory<byte> message, long timestampNs, int position, ClassifiedMessage result, MarketTape tape);

    /// <summary>Keeps a recorded HTTP response the REST stub can serve, or returns null.</summary>
    RecordedRestResponse? ClassifyRest(ReadOnlySpan<byte> url, ReadOnlyMemory<byte> body, long timestampNs, int position);

    /// <summary>Final pass over the REST responses once everything is read (symbols learnt late).</summary>
    IReadOnlyList<RecordedRestResponse> Complete(List<RecordedRestResponse> responses);
}

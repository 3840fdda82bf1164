using LowLatency.Feeds.Books;

namespace LowLatency.Feeds.Tests.Support;

internal sealed class RecordingResyncHandler : IBookResyncHandler
{
    public List<(int InstrumentId, ResyncReason Reason)> Requests { get; } = [];

    public void OnSnapshotRequired(int instrumentId, ResyncReason reason) => Requests.Add((instrumentId, reason));
}

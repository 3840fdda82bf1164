namespace LowLatency.Feeds.Parsing;

/// <summary>Facts about a message that are not in its text.</summary>
/// <param name="ReceiveTimestamp">Local receive time, copied into every event (see <c>MarketEvent.ReceiveTimestamp</c>).</param>
/// <param name="SnapshotInstrumentId">
/// Instrument a REST book snapshot belongs to when neither the request URL nor the body names
/// it (Binance spot and USD-M depth snapshots carry no symbol), -1 when unknown. The caller that
/// requested the snapshot knows it.
/// </param>
public readonly record struct MessageContext(long ReceiveTimestamp, int SnapshotInstrumentId = -1);

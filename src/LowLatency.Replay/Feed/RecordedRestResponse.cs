namespace LowLatency.Replay.Feed;

/// <summary>A REST response recorded with the capture (a depth snapshot), served by the REST stub.</summary>
/// <param name="Endpoint">The protocol's name for what it answers, e.g. <c>depth</c>, independent of the market's path.</param>
/// <param name="Symbol">The symbol it is for (the exchange's REST spelling); null when the capture did not say.</param>
/// <param name="TimestampNs">When it was recorded (ns since the epoch).</param>
/// <param name="Position">Recorded messages that came before it: it is current once the replay passed that point.</param>
/// <param name="Body">The body exactly as recorded.</param>
public sealed record RecordedRestResponse(string Endpoint, string? Symbol, long TimestampNs, int Position, byte[] Body);

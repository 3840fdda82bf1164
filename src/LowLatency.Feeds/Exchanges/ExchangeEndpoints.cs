namespace LowLatency.Feeds.Exchanges;

/// <summary>Base URLs of a venue.</summary>
/// <param name="PublicWebSocket">Public market-data WebSocket endpoint.</param>
/// <param name="Rest">REST base URL (snapshots, fallback market data).</param>
public sealed record ExchangeEndpoints(Uri PublicWebSocket, Uri Rest);

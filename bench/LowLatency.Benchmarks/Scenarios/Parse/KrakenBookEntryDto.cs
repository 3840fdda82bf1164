using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>Peer DTO: one entry of a Kraken v2 <c>book</c> message.</summary>
public sealed class KrakenBookEntryDto
{
    [JsonPropertyName("symbol")] public string? Symbol { get; set; }
    [JsonPropertyName("bids")] public KrakenLevelDto[]? Bids { get; set; }
    [JsonPropertyName("asks")] public KrakenLevelDto[]? Asks { get; set; }
    [JsonPropertyName("checksum")] public uint Checksum { get; set; }
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; set; }
}

using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>Peer DTO: a Kraken v2 <c>book</c> message.</summary>
public sealed class KrakenBookDto
{
    [JsonPropertyName("channel")] public string? Channel { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("data")] public KrakenBookEntryDto[]? Data { get; set; }
}

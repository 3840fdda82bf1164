using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>Peer DTO: a Kraken v2 price level.</summary>
public sealed class KrakenLevelDto
{
    [JsonPropertyName("price")] public decimal Price { get; set; }
    [JsonPropertyName("qty")] public decimal Quantity { get; set; }
}

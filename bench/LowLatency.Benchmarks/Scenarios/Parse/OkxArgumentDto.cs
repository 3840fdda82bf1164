using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>Peer DTO: the <c>arg</c> of an OKX push.</summary>
public sealed class OkxArgumentDto
{
    [JsonPropertyName("channel")] public string? Channel { get; set; }
    [JsonPropertyName("instId")] public string? InstrumentId { get; set; }
}

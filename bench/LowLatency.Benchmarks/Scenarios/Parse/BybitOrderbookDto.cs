using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>Peer DTO: a Bybit v5 <c>orderbook.N</c> message as a .NET user would declare it.</summary>
public sealed class BybitOrderbookDto
{
    [JsonPropertyName("topic")] public string? Topic { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("ts")] public long Timestamp { get; set; }
    [JsonPropertyName("data")] public BybitOrderbookDataDto? Data { get; set; }
    [JsonPropertyName("cts")] public long MatchingEngineTimestamp { get; set; }
}

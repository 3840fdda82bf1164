using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>Peer DTO: the combined-stream wrapper <c>{"stream":..,"data":..}</c>.</summary>
public sealed class BinanceStreamDto<T>
{
    [JsonPropertyName("stream")] public string? Stream { get; set; }
    [JsonPropertyName("data")] public T? Data { get; set; }
}

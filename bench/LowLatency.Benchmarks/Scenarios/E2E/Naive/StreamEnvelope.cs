using System.Text.Json;
using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.E2E.Naive;

/// <summary>A Binance combined-stream message: the stream's name and its payload, deserialized later by type.</summary>
public sealed class StreamEnvelope
{
    [JsonPropertyName("stream")]
    public string Stream { get; set; } = "";

    [JsonPropertyName("data")]
    public JsonElement Data { get; set; }
}

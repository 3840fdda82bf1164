using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.E2E.Naive;

/// <summary>Binance <c>depthUpdate</c> as documented: levels are <c>[price, quantity]</c> string pairs.</summary>
public sealed class DepthUpdateDto
{
    [JsonPropertyName("e")]
    public string EventType { get; set; } = "";

    [JsonPropertyName("E")]
    public long EventTime { get; set; }

    [JsonPropertyName("s")]
    public string Symbol { get; set; } = "";

    [JsonPropertyName("U")]
    public long FirstUpdateId { get; set; }

    [JsonPropertyName("u")]
    public long FinalUpdateId { get; set; }

    [JsonPropertyName("b")]
    public List<string[]> Bids { get; set; } = [];

    [JsonPropertyName("a")]
    public List<string[]> Asks { get; set; } = [];
}

using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.E2E.Naive;

/// <summary>Binance <c>trade</c> as documented.</summary>
public sealed class TradeDto
{
    [JsonPropertyName("e")]
    public string EventType { get; set; } = "";

    [JsonPropertyName("E")]
    public long EventTime { get; set; }

    [JsonPropertyName("s")]
    public string Symbol { get; set; } = "";

    [JsonPropertyName("t")]
    public long TradeId { get; set; }

    [JsonPropertyName("p")]
    public string Price { get; set; } = "";

    [JsonPropertyName("q")]
    public string Quantity { get; set; } = "";

    [JsonPropertyName("T")]
    public long TradeTime { get; set; }

    [JsonPropertyName("m")]
    public bool BuyerIsMaker { get; set; }
}

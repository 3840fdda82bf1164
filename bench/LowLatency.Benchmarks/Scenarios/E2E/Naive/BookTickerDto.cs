using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.E2E.Naive;

/// <summary>Binance <c>bookTicker</c> as documented.</summary>
public sealed class BookTickerDto
{
    [JsonPropertyName("u")]
    public long UpdateId { get; set; }

    [JsonPropertyName("s")]
    public string Symbol { get; set; } = "";

    [JsonPropertyName("b")]
    public string BidPrice { get; set; } = "";

    [JsonPropertyName("B")]
    public string BidQuantity { get; set; } = "";

    [JsonPropertyName("a")]
    public string AskPrice { get; set; } = "";

    [JsonPropertyName("A")]
    public string AskQuantity { get; set; } = "";
}

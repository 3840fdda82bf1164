using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>Peer DTO: the <c>data</c> of a Bybit book message.</summary>
public sealed class BybitOrderbookDataDto
{
    [JsonPropertyName("s")] public string? Symbol { get; set; }
    [JsonPropertyName("b")] public decimal[][]? Bids { get; set; }
    [JsonPropertyName("a")] public decimal[][]? Asks { get; set; }
    [JsonPropertyName("u")] public long UpdateId { get; set; }
    [JsonPropertyName("seq")] public long CrossSequence { get; set; }
}

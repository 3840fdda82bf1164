using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>Peer DTO: a Binance <c>depthUpdate</c> as a .NET user would declare it.</summary>
public sealed class BinanceDepthDto
{
    [JsonPropertyName("e")] public string? EventType { get; set; }
    [JsonPropertyName("E")] public long EventTime { get; set; }
    [JsonPropertyName("T")] public long TransactionTime { get; set; }
    [JsonPropertyName("s")] public string? Symbol { get; set; }
    [JsonPropertyName("U")] public long FirstUpdateId { get; set; }
    [JsonPropertyName("u")] public long FinalUpdateId { get; set; }
    [JsonPropertyName("pu")] public long PreviousUpdateId { get; set; }
    [JsonPropertyName("b")] public decimal[][]? Bids { get; set; }
    [JsonPropertyName("a")] public decimal[][]? Asks { get; set; }
}

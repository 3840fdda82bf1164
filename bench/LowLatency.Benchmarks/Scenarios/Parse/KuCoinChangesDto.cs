using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>Peer DTO: the changes of a KuCoin level-2 update, <c>[price, size, sequence]</c> per change.</summary>
public sealed class KuCoinChangesDto
{
    [JsonPropertyName("asks")] public decimal[][]? Asks { get; set; }
    [JsonPropertyName("bids")] public decimal[][]? Bids { get; set; }
}

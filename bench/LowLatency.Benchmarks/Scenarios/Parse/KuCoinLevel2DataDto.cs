using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>Peer DTO: the <c>data</c> of a KuCoin level-2 update.</summary>
public sealed class KuCoinLevel2DataDto
{
    [JsonPropertyName("sequenceStart")] public long SequenceStart { get; set; }
    [JsonPropertyName("sequenceEnd")] public long SequenceEnd { get; set; }
    [JsonPropertyName("symbol")] public string? Symbol { get; set; }
    [JsonPropertyName("changes")] public KuCoinChangesDto? Changes { get; set; }
    [JsonPropertyName("time")] public long Time { get; set; }
}

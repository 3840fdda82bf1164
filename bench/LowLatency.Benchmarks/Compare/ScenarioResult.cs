using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Compare;

/// <summary>One row of the compare report, in the JSON shape of BENCH.md.</summary>
public sealed record ScenarioResult
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("unit")] public required string Unit { get; init; }
    [JsonPropertyName("higher_is_better")] public required bool HigherIsBetter { get; init; }
    [JsonPropertyName("ours")] public required double Ours { get; init; }
    [JsonPropertyName("peer")] public string? Peer { get; init; }
    [JsonPropertyName("peer_value")] public double? PeerValue { get; init; }
    [JsonPropertyName("ratio")] public double? Ratio { get; init; }
    [JsonPropertyName("ours_alloc_bytes_per_op")] public required double OursAllocBytesPerOp { get; init; }
    [JsonPropertyName("peer_alloc_bytes_per_op")] public double? PeerAllocBytesPerOp { get; init; }
    [JsonPropertyName("rounds")] public required int Rounds { get; init; }
    [JsonPropertyName("spread")] public required double Spread { get; init; }
    [JsonPropertyName("error")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Error { get; init; }
}

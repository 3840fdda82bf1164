using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.E2E.Naive;

/// <summary>Binance <c>GET /api/v3/depth</c> answer.</summary>
public sealed class DepthSnapshotDto
{
    [JsonPropertyName("lastUpdateId")]
    public long LastUpdateId { get; set; }

    [JsonPropertyName("bids")]
    public List<string[]> Bids { get; set; } = [];

    [JsonPropertyName("asks")]
    public List<string[]> Asks { get; set; } = [];
}

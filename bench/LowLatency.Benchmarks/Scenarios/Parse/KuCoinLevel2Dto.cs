using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>Peer DTO: a KuCoin spot <c>trade.l2update</c> push as a .NET user would declare it.</summary>
public sealed class KuCoinLevel2Dto
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("topic")] public string? Topic { get; set; }
    [JsonPropertyName("subject")] public string? Subject { get; set; }
    [JsonPropertyName("data")] public KuCoinLevel2DataDto? Data { get; set; }
}

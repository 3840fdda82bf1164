using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>Peer DTO: one element of an OKX <c>books</c> push, levels as <c>[price, size, liquidated, orders]</c>.</summary>
public sealed class OkxBooksDataDto
{
    [JsonPropertyName("asks")] public decimal[][]? Asks { get; set; }
    [JsonPropertyName("bids")] public decimal[][]? Bids { get; set; }
    [JsonPropertyName("ts")] public long Timestamp { get; set; }
    [JsonPropertyName("checksum")] public int Checksum { get; set; }
    [JsonPropertyName("seqId")] public long? SequenceId { get; set; }
    [JsonPropertyName("prevSeqId")] public long? PreviousSequenceId { get; set; }
}

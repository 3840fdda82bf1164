using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.E2E.Naive;

/// <summary>Source-generated serialization for the peer's DTOs (the fastest idiomatic <c>JsonSerializer</c> use).</summary>
[JsonSerializable(typeof(StreamEnvelope))]
[JsonSerializable(typeof(DepthUpdateDto))]
[JsonSerializable(typeof(TradeDto))]
[JsonSerializable(typeof(BookTickerDto))]
[JsonSerializable(typeof(DepthSnapshotDto))]
public sealed partial class NaiveJsonContext : JsonSerializerContext;

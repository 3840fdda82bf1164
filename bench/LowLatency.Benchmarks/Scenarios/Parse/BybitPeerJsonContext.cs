using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>The peer's source-generated serializer context for Bybit messages.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(BybitOrderbookDto))]
public sealed partial class BybitPeerJsonContext : JsonSerializerContext;

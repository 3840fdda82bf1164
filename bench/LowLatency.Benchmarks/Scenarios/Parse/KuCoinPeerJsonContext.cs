using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>The peer's source-generated serializer context for KuCoin messages.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(KuCoinLevel2Dto))]
public sealed partial class KuCoinPeerJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>The peer's source-generated serializer context (what a .NET user writes for fast System.Text.Json).</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(BinanceStreamDto<BinanceDepthDto>))]
[JsonSerializable(typeof(BinanceStreamDto<BinanceTradeDto>))]
[JsonSerializable(typeof(KrakenBookDto))]
public sealed partial class PeerJsonContext : JsonSerializerContext;

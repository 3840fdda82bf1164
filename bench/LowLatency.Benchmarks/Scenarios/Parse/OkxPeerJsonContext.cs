using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>The peer's source-generated serializer context for OKX messages.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(OkxBooksDto))]
public sealed partial class OkxPeerJsonContext : JsonSerializerContext;

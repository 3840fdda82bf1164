using System.Text.Json.Serialization;

namespace LowLatency.Benchmarks.Scenarios.Parse;

/// <summary>Peer DTO: an OKX v5 <c>books</c> push as a .NET user would declare it.</summary>
public sealed class OkxBooksDto
{
    [JsonPropertyName("arg")] public OkxArgumentDto? Argument { get; set; }
    [JsonPropertyName("action")] public string? Action { get; set; }
    [JsonPropertyName("data")] public OkxBooksDataDto[]? Data { get; set; }
}

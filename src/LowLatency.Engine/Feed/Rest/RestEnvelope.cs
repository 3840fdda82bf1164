using System.Text.Json;

namespace LowLatency.Engine.Feed.Rest;

/// <summary>
/// A REST answer envelope that puts a status code beside the payload: Bybit
/// <c>{"retCode":0,"retMsg":"OK","result":..}</c>, KuCoin <c>{"code":"200000","data":..}</c>,
/// OKX <c>{"code":"0","msg":"","data":[..]}</c>.
/// </summary>
/// <param name="Exchange">The exchange, for error messages.</param>
/// <param name="CodeName">The status code's property.</param>
/// <param name="SuccessCode">The code of a successful answer, as written (a number's spelling or a string's text).</param>
/// <param name="MessageName">The property that explains a failed answer.</param>
/// <param name="PayloadName">The payload's property.</param>
/// <remarks>Exchanges answer many errors with HTTP 200 and the error in the envelope, so a successful status line proves nothing.</remarks>
internal sealed record RestEnvelope(string Exchange, string CodeName, string SuccessCode, string MessageName, string PayloadName)
{
    /// <summary>Bybit v5.</summary>
    public static RestEnvelope Bybit { get; } = new("Bybit", "retCode", "0", "retMsg", "result");

    /// <summary>KuCoin spot and futures.</summary>
    public static RestEnvelope KuCoin { get; } = new("KuCoin", "code", "200000", "msg", "data");

    /// <summary>OKX v5.</summary>
    public static RestEnvelope Okx { get; } = new("OKX", "code", "0", "msg", "data");

    /// <summary>The payload of a successful answer.</summary>
    /// <exception cref="FormatException">The answer is an error, or not this envelope.</exception>
    public JsonElement Payload(JsonElement root)
    {
        var code = RestJson.Text(RestJson.Required(root, CodeName));
        if (code != SuccessCode)
        {
            var message = root.TryGetProperty(MessageName, out var text) ? RestJson.Text(text) : string.Empty;
            throw new FormatException($"Received {Exchange} {CodeName} {code} ('{message}'); expected {CodeName} {SuccessCode} and a '{PayloadName}'.");
        }
        return RestJson.Required(root, PayloadName);
    }
}

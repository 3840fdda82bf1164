using System.Globalization;
using System.Text.Json;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Feeds.KuCoin;

/// <summary>
/// A KuCoin WebSocket "bullet" token (<c>POST /api/v1/bullet-public</c> or <c>bullet-private</c>):
/// where to connect, with which token, and the ping interval and timeout the server expects.
/// </summary>
/// <remarks>
/// KuCoin does not publish fixed keep-alive rules: each token response states them, so the
/// connection's <see cref="KeepAlivePolicy"/> is built from the token
/// (<see cref="KeepAlive"/>); <see cref="DocumentedDefault"/> holds the values KuCoin documents
/// for use before a token is known. Parsing a token is a cold path and allocates.
/// </remarks>
/// <param name="Token">The token to put in the connect URL.</param>
/// <param name="Endpoint">The instance server's WebSocket endpoint.</param>
/// <param name="PingInterval">How often the client must send <c>{"type":"ping"}</c>.</param>
/// <param name="PingTimeout">How long after a missed ping the server drops the connection.</param>
public sealed record KuCoinBulletToken(string Token, Uri Endpoint, TimeSpan PingInterval, TimeSpan PingTimeout)
{
    /// <summary>The application ping KuCoin expects (answered by <c>{"type":"pong"}</c>).</summary>
    public const string PingMessage = """{"id":"ping","type":"ping"}""";

    /// <summary>The keep-alive rules of this token: ping at its interval, dead after interval plus timeout of silence.</summary>
    public KeepAlivePolicy KeepAlive => For(PingInterval, PingTimeout);

    /// <summary>KuCoin's documented values (ping every 18 s, 10 s timeout), used until a token says otherwise.</summary>
    public static KeepAlivePolicy DocumentedDefault { get; } = For(TimeSpan.FromMilliseconds(18_000), TimeSpan.FromMilliseconds(10_000));

    /// <summary>Reads a bullet response body (<c>{"code":"200000","data":{"token":..,"instanceServers":[..]}}</c>), using its first instance server.</summary>
    /// <exception cref="FormatException">The body is not a successful bullet response.</exception>
    public static KuCoinBulletToken Parse(ReadOnlySpan<byte> responseBody)
    {
        var reader = new Utf8JsonReader(responseBody);
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (!root.TryGetProperty("code", out var code) || code.GetString() != "200000")
                throw new FormatException($"Received a bullet response with code {(root.TryGetProperty("code", out var c) ? c.ToString() : "(none)")}; expected code 200000.");
            var data = root.GetProperty("data");
            var server = data.GetProperty("instanceServers")[0];
            return new KuCoinBulletToken(
                data.GetProperty("token").GetString() ?? throw new FormatException("Received a bullet response with a null token; expected a token string."),
                new Uri(server.GetProperty("endpoint").GetString() ?? throw new FormatException("Received a null endpoint; expected a wss:// URL.")),
                TimeSpan.FromMilliseconds(server.GetProperty("pingInterval").GetInt64()),
                TimeSpan.FromMilliseconds(server.GetProperty("pingTimeout").GetInt64()));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new FormatException($"Received a bullet response KuCoin's documented shape does not match ({ex.Message}); expected data.token and data.instanceServers[0] with endpoint, pingInterval and pingTimeout.", ex);
        }
    }

    /// <summary>The URL to connect to: the endpoint with the token and a client-chosen connect id.</summary>
    public Uri ConnectUri(string connectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectId);
        var separator = Endpoint.Query.Length == 0 ? "?" : "&";
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{Endpoint}{separator}token={Uri.EscapeDataString(Token)}&connectId={Uri.EscapeDataString(connectId)}"));
    }

    private static KeepAlivePolicy For(TimeSpan interval, TimeSpan timeout) =>
        new(interval, PingMessage, interval + timeout, ServerPings: false, MaxConnectionLifetime: null);
}

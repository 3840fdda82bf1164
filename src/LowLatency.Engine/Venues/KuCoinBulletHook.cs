using System.Globalization;
using System.Text.Json;
using LowLatency.Engine.Feed.Rest;
using LowLatency.Rest.Lane;
using LowLatency.WebSockets.KeepAlive;

namespace LowLatency.Engine.Venues;

/// <summary>
/// KuCoin's connect hook: before every connection attempt, first and reconnects alike, it asks
/// for a public bullet token (<c>POST /api/v1/bullet-public</c>) and connects to the instance
/// server it names, with the token and a fresh connect id in the URL, pinging with
/// <c>{"id":..,"type":"ping"}</c> at the server's <c>pingInterval</c>.
/// </summary>
/// <remarks>
/// A token is valid for one connection only, so it is never cached. The connection is declared
/// dead after <c>pingInterval + pingTimeout</c> without any frame, as KuCoin itself does.
/// </remarks>
internal sealed class KuCoinBulletHook : IConnectHook
{
    /// <summary>The public token endpoint.</summary>
    public const string BulletPath = "/api/v1/bullet-public";

    private readonly RestLane _rest;

    public KuCoinBulletHook(RestLane rest)
    {
        _rest = rest;
    }

    public async ValueTask<ConnectPlan> PrepareAsync(CancellationToken cancellationToken)
    {
        var response = await _rest.SendAsync(new RestRequest(HttpMethod.Post, BulletPath) { Priority = RestPriority.High, MarkedIdempotent = true }, cancellationToken)
            .ConfigureAwait(false);
        return Plan(response.Body.Span, Guid.NewGuid().ToString("N"));
    }

    /// <summary>The connect plan a bullet answer gives.</summary>
    /// <exception cref="FormatException">The answer is not a successful bullet answer.</exception>
    internal static ConnectPlan Plan(ReadOnlySpan<byte> body, string connectId)
    {
        using var document = RestJson.Parse(body);
        var root = document.RootElement;
        var data = RestEnvelope.KuCoin.Payload(root);
        var token = RestJson.Required(data, "token").GetString();
        var servers = RestJson.Required(data, "instanceServers");
        if (string.IsNullOrEmpty(token) || servers.ValueKind != JsonValueKind.Array || servers.GetArrayLength() == 0)
            throw new FormatException($"Received bullet data {RestJson.Shorten(data.GetRawText())}; expected a token and at least one instance server.");
        var server = servers[0];
        var endpoint = new Uri(RestJson.Required(server, "endpoint").GetString() ?? string.Empty, UriKind.Absolute);
        var pingInterval = TimeSpan.FromMilliseconds(RestJson.Int64(RestJson.Required(server, "pingInterval")));
        var pingTimeout = TimeSpan.FromMilliseconds(RestJson.Int64(RestJson.Required(server, "pingTimeout")));

        var query = string.Create(CultureInfo.InvariantCulture, $"token={Uri.EscapeDataString(token)}&connectId={connectId}");
        var uri = new UriBuilder(endpoint) { Query = query }.Uri;
        byte[] ping = System.Text.Encoding.UTF8.GetBytes($$"""{"id":"{{connectId}}","type":"ping"}""");
        var keepAlive = new KeepAliveOptions
        {
            ApplicationPing = (connection, cancellation) => connection.SendAsync(ping, WebSockets.WebSocketMessageType.Text, cancellation),
            ApplicationPingInterval = pingInterval,
            DataTimeout = pingInterval + pingTimeout,
        };
        return new ConnectPlan(uri, keepAlive);
    }
}

using System.Text.Json;
using LowLatency.Replay.Json;
using LowLatency.WebSockets;

namespace LowLatency.Replay.Protocols.KuCoin;

/// <summary>
/// A KuCoin connection (the endpoint the bullet token answer names; any path): the
/// <c>welcome</c> message (its id is the <c>connectId</c> the client passed), <c>subscribe</c> and
/// <c>unsubscribe</c> of comma-separated symbol lists (and <c>:all</c>) acked when
/// <c>response</c> is true, and JSON <c>ping</c> → <c>pong</c>.
/// </summary>
internal sealed class KuCoinSession(SessionContext context) : ExchangeSession
{
    public override void OnOpen(ISessionOutput output) =>
        output.Send("{\"id\":" + JsonSerializer.Serialize(context.QueryValue("connectId") ?? context.ConnectionId) + ",\"type\":\"welcome\"}");

    public override void OnClientMessage(ReadOnlySpan<byte> message, WebSocketMessageType type, ISessionOutput output)
    {
        using var document = JsonText.TryParse(message);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            output.Send(Error("\"\"", 400, "request is not valid JSON"));
            return;
        }
        var root = document.RootElement;
        var id = root.TryGetProperty("id", out var idElement)
            ? JsonSerializer.Serialize(idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : idElement.GetRawText())
            : "\"\"";
        switch (root.String("type"))
        {
            case "ping":
                output.Send("{\"id\":" + id + ",\"type\":\"pong\",\"timestamp\":" + (SessionClock.UnixMs() * 1000) + "}");
                return;
            case "subscribe" or "unsubscribe":
                var topic = root.String("topic");
                if (topic is null)
                {
                    output.Send(Error(id, 404, "topic is missing"));
                    return;
                }
                if (!root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.False)
                    output.Send("{\"id\":" + id + ",\"type\":\"ack\"}");
                Apply(root.String("type") == "subscribe", topic, output);
                return;
            default:
                output.Send(Error(id, 404, "unknown type: " + root.String("type")));
                return;
        }
    }

    private void Apply(bool subscribe, string topic, ISessionOutput output)
    {
        var colon = topic.IndexOf(':', StringComparison.Ordinal);
        var channel = colon < 0 ? topic : topic[..colon];
        var symbols = colon < 0 ? [string.Empty] : topic[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries);
        var ids = new List<int>();
        foreach (var symbol in symbols)
        {
            if (symbol == "all")
                ids.AddRange(context.Feed.Keys.IdsOfChannel(channel));
            else if (context.Feed.Keys.TryGetId(new Feed.StreamKey(channel, symbol), out var id))
                ids.Add(id);
        }
        foreach (var id in ids)
        {
            if (subscribe)
                output.Subscribe(id);
            else
                output.Unsubscribe(id);
        }
    }

    private static string Error(string id, int code, string data) =>
        "{\"id\":" + id + ",\"type\":\"error\",\"code\":" + code + ",\"data\":" + JsonSerializer.Serialize(data) + "}";
}

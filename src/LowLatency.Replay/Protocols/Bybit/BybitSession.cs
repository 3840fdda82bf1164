using System.Text.Json;
using LowLatency.Replay.Json;
using LowLatency.WebSockets;

namespace LowLatency.Replay.Protocols.Bybit;

/// <summary>
/// A Bybit v5 public connection (<c>/v5/public/linear</c>, <c>/spot</c>, <c>/inverse</c>,
/// <c>/option</c>): <c>op: subscribe</c>/<c>unsubscribe</c> answered with a success ack and
/// <c>op: ping</c> with a pong, in the spot or derivatives shape by path.
/// </summary>
internal sealed class BybitSession(SessionContext context) : ExchangeSession
{
    private readonly bool _spot = context.Path.TrimEnd('/').EndsWith("/spot", StringComparison.Ordinal);

    public override void OnClientMessage(ReadOnlySpan<byte> message, WebSocketMessageType type, ISessionOutput output)
    {
        using var document = JsonText.TryParse(message);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            output.Send(Answer(false, "error:request not in json format", string.Empty, string.Empty));
            return;
        }
        var root = document.RootElement;
        var op = root.String("op") ?? string.Empty;
        var requestId = root.String("req_id") ?? string.Empty;
        switch (op)
        {
            case "ping" when _spot:
                output.Send("{\"req_id\":" + JsonSerializer.Serialize(requestId) + ",\"op\":\"pong\",\"args\":[\"" + SessionClock.UnixMs()
                            + "\"],\"conn_id\":\"" + context.ConnectionId + "\"}");
                return;
            case "ping":
                output.Send(Answer(true, "pong", requestId, "ping"));
                return;
            case "subscribe" or "unsubscribe":
                var topics = root.Property("args");
                if (topics.ValueKind != JsonValueKind.Array || topics.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
                {
                    output.Send(Answer(false, "error:args must be an array of topics", requestId, op));
                    return;
                }
                output.Send(Answer(true, _spot ? op : string.Empty, requestId, op));
                foreach (var topic in topics.EnumerateArray())
                {
                    if (!context.Feed.Keys.TryGetId(BybitClassifier.TopicKey(topic.GetString()!), out var id))
                        continue;
                    if (op == "subscribe")
                        output.Subscribe(id);
                    else
                        output.Unsubscribe(id);
                }
                return;
            default:
                output.Send(Answer(false, "error:handler not found,op:" + op, requestId, op));
                return;
        }
    }

    private string Answer(bool success, string message, string requestId, string op) =>
        "{\"success\":" + (success ? "true" : "false") + ",\"ret_msg\":" + JsonSerializer.Serialize(message) + ",\"conn_id\":\"" + context.ConnectionId
        + "\",\"req_id\":" + JsonSerializer.Serialize(requestId) + ",\"op\":" + JsonSerializer.Serialize(op) + "}";
}

using System.Text.Json;
using LowLatency.Replay.Json;
using LowLatency.WebSockets;

namespace LowLatency.Replay.Protocols.Okx;

/// <summary>
/// An OKX v5 public connection (<c>/ws/v5/public</c>, any path): <c>op: subscribe</c> and
/// <c>unsubscribe</c> acked once per argument (<c>{"event":"subscribe","arg":..,"connId":..}</c>,
/// with the request's <c>id</c> when it had one), and the plain-text <c>ping</c> → <c>pong</c>.
/// </summary>
internal sealed class OkxSession(SessionContext context) : ExchangeSession
{
    public override void OnClientMessage(ReadOnlySpan<byte> message, WebSocketMessageType type, ISessionOutput output)
    {
        if (message.SequenceEqual("ping"u8))
        {
            output.Send("pong");
            return;
        }
        using var document = JsonText.TryParse(message);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            output.Send(Error(null, "60012", "Invalid request: " + System.Text.Encoding.UTF8.GetString(message)));
            return;
        }
        var root = document.RootElement;
        var id = root.String("id");
        var op = root.String("op");
        var arguments = root.Property("args");
        if (op is not ("subscribe" or "unsubscribe") || arguments.ValueKind != JsonValueKind.Array)
        {
            output.Send(Error(id, "60012", "Invalid request: " + root.GetRawText()));
            return;
        }
        foreach (var argument in arguments.EnumerateArray())
        {
            if (OkxClassifier.ArgumentKey(argument) is not { } key)
            {
                output.Send(Error(id, "60018", "Wrong URL or channel:" + argument.GetRawText() + " doesn't exist."));
                continue;
            }
            output.Send("{" + (id is null ? string.Empty : "\"id\":" + JsonSerializer.Serialize(id) + ",") + "\"event\":\"" + op + "\",\"arg\":"
                        + argument.GetRawText() + ",\"connId\":\"" + context.ConnectionId + "\"}");
            if (!context.Feed.Keys.TryGetId(key, out var keyId))
                continue;
            if (op == "subscribe")
                output.Subscribe(keyId);
            else
                output.Unsubscribe(keyId);
        }
    }

    private string Error(string? id, string code, string message) =>
        "{" + (id is null ? string.Empty : "\"id\":" + JsonSerializer.Serialize(id) + ",") + "\"event\":\"error\",\"code\":\"" + code
        + "\",\"msg\":" + JsonSerializer.Serialize(message) + ",\"connId\":\"" + context.ConnectionId + "\"}";
}

using System.Globalization;
using System.Text.Json;
using LowLatency.Replay.Json;
using LowLatency.WebSockets;

namespace LowLatency.Replay.Protocols.Kraken;

/// <summary>
/// A Kraken WebSocket v2 connection: the <c>status</c> message on connect, <c>subscribe</c> and
/// <c>unsubscribe</c> answered per symbol in the real ack shape, <c>ping</c> → <c>pong</c>, and a
/// <c>heartbeat</c> every second of silence while subscribed.
/// </summary>
internal sealed class KrakenSession(SessionContext context) : ExchangeSession
{
    public override TimeSpan HeartbeatInterval => TimeSpan.FromSeconds(1);

    public override string? Heartbeat => "{\"channel\":\"heartbeat\"}";

    /// <summary>The key channel of a v2 channel: OHLC keys carry their interval (<c>ohlc-1</c>), as one capture may hold several.</summary>
    public static string ChannelKey(string channel, long? interval) => channel == "ohlc" ? "ohlc-" + (interval ?? 1).ToString(CultureInfo.InvariantCulture) : channel;

    public override void OnOpen(ISessionOutput output) =>
        output.Send("{\"channel\":\"status\",\"data\":[{\"api_version\":\"v2\",\"connection_id\":" + ConnectionNumber()
                    + ",\"system\":\"online\",\"version\":\"2.0.0\"}],\"type\":\"update\"}");

    public override void OnClientMessage(ReadOnlySpan<byte> message, WebSocketMessageType type, ISessionOutput output)
    {
        var timeIn = SessionClock.Rfc3339Micros();
        using var document = JsonText.TryParse(message);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            output.Send(Error("Malformed request", null, timeIn, null));
            return;
        }
        var root = document.RootElement;
        var method = root.String("method");
        var requestId = root.TryGetProperty("req_id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetRawText() : null;
        switch (method)
        {
            case "ping":
                output.Send("{\"method\":\"pong\"" + RequestId(requestId) + ",\"time_in\":\"" + timeIn + "\",\"time_out\":\"" + SessionClock.Rfc3339Micros() + "\"}");
                return;
            case "subscribe" or "unsubscribe":
                Subscribe(method, root.Property("params"), requestId, timeIn, output);
                return;
            default:
                output.Send(Error("Method not found", method, timeIn, requestId));
                return;
        }
    }

    private void Subscribe(string method, JsonElement parameters, string? requestId, string timeIn, ISessionOutput output)
    {
        var channel = parameters.String("channel");
        if (channel is null)
        {
            output.Send(Error("Missing field `channel`", method, timeIn, requestId));
            return;
        }
        var symbols = parameters.Property("symbol");
        var interval = parameters.Int64("interval");
        var channelKey = ChannelKey(channel, interval);
        if (symbols.ValueKind != JsonValueKind.Array)
        {
            Ack(method, channel, parameters, null, requestId, timeIn, output);
            Apply(method, channelKey, string.Empty, output);
            return;
        }
        foreach (var symbol in symbols.EnumerateArray())
        {
            if (symbol.ValueKind != JsonValueKind.String)
            {
                output.Send(Error("Invalid symbol: expected a string", method, timeIn, requestId));
                continue;
            }
            Ack(method, channel, parameters, symbol.GetString(), requestId, timeIn, output);
            Apply(method, channelKey, symbol.GetString()!, output);
        }
    }

    private void Apply(string method, string channelKey, string symbol, ISessionOutput output)
    {
        if (!context.Feed.Keys.TryGetId(new Feed.StreamKey(channelKey, symbol), out var id))
            return;
        if (method == "subscribe")
            output.Subscribe(id);
        else
            output.Unsubscribe(id);
    }

    private static void Ack(string method, string channel, JsonElement parameters, string? symbol, string? requestId, string timeIn, ISessionOutput output)
    {
        var result = JsonText.WriteString(w =>
        {
            w.WriteStartObject();
            w.WriteString("channel", channel);
            if (channel == "book")
                w.WriteNumber("depth", parameters.Int64("depth") ?? 10);
            if (channel == "ohlc")
                w.WriteNumber("interval", parameters.Int64("interval") ?? 1);
            if (method == "subscribe" && channel is not "heartbeat" and not "status")
                w.WriteBoolean("snapshot", !parameters.TryGetProperty("snapshot", out var snapshot) || snapshot.ValueKind != JsonValueKind.False);
            if (symbol is not null)
                w.WriteString("symbol", symbol);
            w.WriteEndObject();
        });
        output.Send("{\"method\":\"" + method + "\",\"result\":" + result + ",\"success\":true,\"time_in\":\"" + timeIn
                    + "\",\"time_out\":\"" + SessionClock.Rfc3339Micros() + "\"" + RequestId(requestId) + "}");
    }

    private static string Error(string error, string? method, string timeIn, string? requestId) =>
        "{\"error\":" + JsonSerializer.Serialize(error) + (method is null ? string.Empty : ",\"method\":" + JsonSerializer.Serialize(method))
        + ",\"success\":false,\"time_in\":\"" + timeIn + "\",\"time_out\":\"" + SessionClock.Rfc3339Micros() + "\"" + RequestId(requestId) + "}";

    private static string RequestId(string? requestId) => requestId is null ? string.Empty : ",\"req_id\":" + requestId;

    private long ConnectionNumber() =>
        long.Parse(context.ConnectionId.AsSpan(context.ConnectionId.LastIndexOf('-') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}

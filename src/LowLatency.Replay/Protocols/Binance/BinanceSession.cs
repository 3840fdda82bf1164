using System.Text.Json;
using LowLatency.Replay.Json;
using LowLatency.WebSockets;

namespace LowLatency.Replay.Protocols.Binance;

/// <summary>
/// A Binance market-stream connection: <c>/stream?streams=a/b</c> (combined: every message wrapped
/// as <c>{"stream":..,"data":..}</c>) or <c>/ws/&lt;stream&gt;</c> (raw payloads), plus the
/// <c>SUBSCRIBE</c>, <c>UNSUBSCRIBE</c>, <c>LIST_SUBSCRIPTIONS</c>, <c>SET_PROPERTY</c> and
/// <c>GET_PROPERTY</c> requests answered <c>{"result":..,"id":..}</c>.
/// </summary>
internal sealed class BinanceSession : ExchangeSession
{
    private readonly SessionContext _context;
    private readonly List<string> _streams = [];
    private readonly string[] _initial;
    private bool _combined;

    private BinanceSession(SessionContext context, bool combined, string[] initial)
    {
        _context = context;
        _combined = combined;
        _initial = initial;
    }

    public override int Variant => _combined ? BinanceProtocol.CombinedVariant : BinanceProtocol.RawVariant;

    /// <summary>The session for <c>/stream</c> or <c>/ws</c> paths; null for any other path (Binance answers 404).</summary>
    public static BinanceSession? TryCreate(SessionContext context)
    {
        var path = context.Path.TrimEnd('/');
        if (path == "/stream")
            return new BinanceSession(context, combined: true, Split(context.QueryValue("streams") ?? string.Empty));
        if (path == "/ws")
            return new BinanceSession(context, combined: false, []);
        if (path.StartsWith("/ws/", StringComparison.Ordinal))
            return new BinanceSession(context, combined: false, Split(path["/ws/".Length..]));
        return null;
    }

    public override void OnOpen(ISessionOutput output)
    {
        foreach (var stream in _initial)
            Subscribe(stream, output);
    }

    public override void OnClientMessage(ReadOnlySpan<byte> message, WebSocketMessageType type, ISessionOutput output)
    {
        using var document = JsonText.TryParse(message);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            output.Send(Error(3, "Invalid JSON: expected an object with method, params and id", "null"));
            return;
        }
        var root = document.RootElement;
        var id = root.TryGetProperty("id", out var idElement) ? idElement.GetRawText() : "null";
        var method = root.String("method");
        var parameters = root.Property("params");
        switch (method)
        {
            case "SUBSCRIBE" or "UNSUBSCRIBE":
                if (!TryStreamNames(parameters, out var names))
                {
                    output.Send(Error(2, "Invalid request: params must be an array of stream names", id));
                    return;
                }
                output.Send(Result("null", id));
                foreach (var name in names)
                {
                    if (method == "SUBSCRIBE")
                        Subscribe(name, output);
                    else
                        Unsubscribe(name, output);
                }
                return;
            case "LIST_SUBSCRIPTIONS":
                output.Send(Result(JsonSerializer.Serialize(_streams), id));
                return;
            case "SET_PROPERTY":
                if (parameters.ValueKind == JsonValueKind.Array && parameters.GetArrayLength() == 2 && parameters[0].ValueKind == JsonValueKind.String
                    && parameters[0].GetString() == "combined" && parameters[1].ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    _combined = parameters[1].ValueKind == JsonValueKind.True;
                    output.Send(Result("null", id));
                    output.SetVariant(Variant);
                    return;
                }
                output.Send(Error(0, "Unknown property", id));
                return;
            case "GET_PROPERTY":
                if (parameters.ValueKind == JsonValueKind.Array && parameters.GetArrayLength() == 1 && parameters[0].GetString() == "combined")
                {
                    output.Send(Result(_combined ? "true" : "false", id));
                    return;
                }
                output.Send(Error(0, "Unknown property", id));
                return;
            default:
                output.Send(Error(2, $"Invalid request: unknown method '{method}'", id));
                return;
        }
    }

    private void Subscribe(string name, ISessionOutput output)
    {
        if (!_streams.Contains(name))
            _streams.Add(name);
        if (_context.Feed.Keys.TryGetId(BinanceStreamName.ToKey(name), out var id))
            output.Subscribe(id);
    }

    private void Unsubscribe(string name, ISessionOutput output)
    {
        _streams.Remove(name);
        if (_context.Feed.Keys.TryGetId(BinanceStreamName.ToKey(name), out var id))
            output.Unsubscribe(id);
    }

    private static bool TryStreamNames(JsonElement parameters, out List<string> names)
    {
        names = [];
        if (parameters.ValueKind != JsonValueKind.Array)
            return false;
        foreach (var element in parameters.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(element.GetString()))
                return false;
            names.Add(element.GetString()!);
        }
        return true;
    }

    private static string[] Split(string streams) => streams.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static string Result(string resultJson, string id) => "{\"result\":" + resultJson + ",\"id\":" + id + "}";

    private static string Error(int code, string message, string id) =>
        "{\"error\":{\"code\":" + code + ",\"msg\":" + JsonSerializer.Serialize(message) + "},\"id\":" + id + "}";
}

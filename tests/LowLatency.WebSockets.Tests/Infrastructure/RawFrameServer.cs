using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LowLatency.WebSockets.Handshake;

namespace LowLatency.WebSockets.Tests.Infrastructure;

/// <summary>
/// A deliberately naive server: completes the upgrade by hand, then writes whatever bytes the
/// test gives it (malformed frames included) and reports the first frame the client sends back.
/// </summary>
public sealed class RawFrameServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public RawFrameServer()
    {
        _listener.Start();
    }

    public Uri Url => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Accepts one client, answers 101 (with <paramref name="extensions"/> if given), sends <paramref name="frames"/>.</summary>
    public async Task<RawClientSession> AcceptAndSendAsync(byte[] frames, string? extensions = null)
    {
        TcpClient client = await _listener.AcceptTcpClientAsync();
        NetworkStream stream = client.GetStream();
        string request = await ReadHeadAsync(stream);
        string key = request.Split("\r\n").First(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))[18..].Trim();
        string response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Accept: {WebSocketAcceptKey.ComputeAccept(key)}\r\n"
            + (extensions is null ? "" : $"Sec-WebSocket-Extensions: {extensions}\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
        await stream.WriteAsync(frames);
        return new RawClientSession(client, stream, request);
    }

    /// <summary>Accepts one client and answers its request with <paramref name="rawResponse"/> as given.</summary>
    public async Task<string> AcceptAndAnswerAsync(string rawResponse)
    {
        using TcpClient client = await _listener.AcceptTcpClientAsync();
        NetworkStream stream = client.GetStream();
        string request = await ReadHeadAsync(stream);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(rawResponse));
        return request;
    }

    public void Dispose() => _listener.Stop();

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
                throw new IOException("client closed during the upgrade");
            head.Add(one[0]);
        }
        return Encoding.ASCII.GetString(head.ToArray());
    }
}

/// <summary>The server's view of one client after the raw frames were sent.</summary>
public sealed class RawClientSession(TcpClient client, NetworkStream stream, string request) : IDisposable
{
    public string Request => request;

    /// <summary>Reads one (masked) client frame: opcode and unmasked payload.</summary>
    public async Task<(int Opcode, byte[] Payload)> ReadFrameAsync()
    {
        byte[] header = await ReadExactlyAsync(2);
        int length = header[1] & 0x7F;
        if (length == 126)
            length = BinaryPrimitives.ReadUInt16BigEndian(await ReadExactlyAsync(2));
        else if (length == 127)
            length = (int)BinaryPrimitives.ReadUInt64BigEndian(await ReadExactlyAsync(8));
        byte[] mask = (header[1] & 0x80) != 0 ? await ReadExactlyAsync(4) : [0, 0, 0, 0];
        byte[] payload = await ReadExactlyAsync(length);
        for (int i = 0; i < payload.Length; i++)
            payload[i] ^= mask[i & 3];
        return (header[0] & 0x0F, payload);
    }

    /// <summary>Reads the client's close frame and returns its status code.</summary>
    public async Task<int> ReadCloseCodeAsync()
    {
        while (true)
        {
            (int opcode, byte[] payload) = await ReadFrameAsync();
            if (opcode == 0x8)
                return payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(payload) : 1005;
        }
    }

    public Task WriteAsync(byte[] bytes) => stream.WriteAsync(bytes).AsTask();

    public void Dispose() => client.Dispose();

    private async Task<byte[]> ReadExactlyAsync(int count)
    {
        var buffer = new byte[count];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await stream.ReadExactlyAsync(buffer, cts.Token);
        return buffer;
    }
}

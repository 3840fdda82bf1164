using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.Benchmarks.Scenarios.Replay;

/// <summary>
/// The cheapest honest WebSocket client: a blocking socket, the upgrade written by hand, and our
/// <see cref="FrameReader"/> reading each frame header to count frames and skip payloads. It keeps
/// the client from being what a replayer throughput run measures.
/// </summary>
internal sealed class FrameCountingClient : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;

    private FrameCountingClient(Socket socket, byte[] buffer)
    {
        _socket = socket;
        _buffer = buffer;
    }

    /// <summary>
    /// Connects to <paramref name="url"/> and completes the upgrade (the 101 is checked, not its
    /// headers: the server is ours); <paramref name="buffer"/> is the receive buffer, reused across rounds.
    /// </summary>
    public static FrameCountingClient Connect(Uri url, byte[] buffer)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 1 << 20 };
        socket.Connect(url.Host, url.Port);
        var request = $"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        socket.Send(Encoding.ASCII.GetBytes(request));
        var client = new FrameCountingClient(socket, buffer);
        client.ReadUpgradeAnswer();
        return client;
    }

    /// <summary>Reads until <paramref name="frames"/> data frames arrived; returns the seconds from the first to the last.</summary>
    public double CountFrames(long frames)
    {
        long counted = 0;
        long first = 0;
        long skip = 0;
        while (counted < frames)
        {
            if (_start == _end || skip > 0 || !TryHeader(out var header))
            {
                Fill(ref skip);
                continue;
            }
            if (counted == 0)
                first = Stopwatch.GetTimestamp();
            if (header.Opcode == WebSocketOpcode.Close)
                throw new InvalidOperationException($"The replayer closed the connection after {counted} frames.");
            counted++;
            _start += header.HeaderLength;
            var inBuffer = (int)Math.Min(header.PayloadLength, _end - _start);
            _start += inBuffer;
            skip = header.PayloadLength - inBuffer;
        }
        return (double)(Stopwatch.GetTimestamp() - first) / Stopwatch.Frequency;
    }

    public void Dispose() => _socket.Dispose();

    private bool TryHeader(out FrameHeader header) => FrameReader.TryReadHeader(_buffer.AsSpan(_start, _end - _start), out header);

    /// <summary>Reads more bytes, first discarding <paramref name="skip"/> payload bytes still to come.</summary>
    private void Fill(ref long skip)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        var read = _socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
        if (read == 0)
            throw new InvalidOperationException("The replayer closed the TCP connection.");
        _end += read;
        if (skip > 0)
        {
            var skipped = (int)Math.Min(skip, _end);
            _start = skipped;
            skip -= skipped;
        }
    }

    private void ReadUpgradeAnswer()
    {
        while (true)
        {
            var read = _socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
            if (read == 0)
                throw new InvalidOperationException("The replayer closed the connection during the upgrade.");
            _end += read;
            var head = _buffer.AsSpan(0, _end).IndexOf("\r\n\r\n"u8);
            if (head < 0)
                continue;
            if (!_buffer.AsSpan(0, _end).StartsWith("HTTP/1.1 101"u8))
                throw new InvalidOperationException("The replayer refused the upgrade: " + Encoding.ASCII.GetString(_buffer, 0, head));
            _start = head + 4;
            return;
        }
    }
}

using LowLatency.WebSockets.Tests.Infrastructure;

namespace LowLatency.WebSockets.Tests.Peers;

/// <summary>One scripted peer server process shared by a test class (tests/peers/ws-server.js or ws_server.py).</summary>
public abstract class ScriptedServerFixture : IAsyncLifetime
{
    private PeerProcess? _process;

    public Uri Url { get; private set; } = null!;

    public string Stderr => _process?.Stderr ?? string.Empty;

    protected abstract PeerProcess Start();

    public async Task InitializeAsync()
    {
        _process = Start();
        int port = await _process.WaitListeningAsync();
        Url = new Uri($"ws://127.0.0.1:{port}/");
    }

    public Task DisposeAsync()
    {
        _process?.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class NodeServerFixture : ScriptedServerFixture
{
    protected override PeerProcess Start() => PeerProcess.StartNode("ws-server.js");
}

public sealed class NodeDeflateServerFixture : ScriptedServerFixture
{
    protected override PeerProcess Start() => PeerProcess.StartNode("ws-server.js", "--deflate");
}

public sealed class PythonServerFixture : ScriptedServerFixture
{
    protected override PeerProcess Start() => PeerProcess.StartPython("ws_server.py");
}

public sealed class PythonDeflateServerFixture : ScriptedServerFixture
{
    protected override PeerProcess Start() => PeerProcess.StartPython("ws_server.py", "--deflate");
}

namespace LowLatency.WebSockets.Tests.Peers;

/// <summary>Our client against the npm <c>ws</c> server.</summary>
public sealed class NodeServerTests(NodeServerFixture server) : ScriptedServerContract, IClassFixture<NodeServerFixture>
{
    protected override Uri Url => server.Url;

    protected override bool Deflate => false;
}

/// <summary>Our client against the npm <c>ws</c> server with permessage-deflate (every message compressed).</summary>
public sealed class NodeDeflateServerTests(NodeDeflateServerFixture server) : ScriptedServerContract, IClassFixture<NodeDeflateServerFixture>
{
    protected override Uri Url => server.Url;

    protected override bool Deflate => true;
}

/// <summary>Our client against Python <c>websockets</c> 10.4.</summary>
public sealed class PythonServerTests(PythonServerFixture server) : ScriptedServerContract, IClassFixture<PythonServerFixture>
{
    protected override Uri Url => server.Url;

    protected override bool Deflate => false;

    protected override bool CanInterleavePings => false;
}

/// <summary>Our client against Python <c>websockets</c> 10.4 with permessage-deflate.</summary>
public sealed class PythonDeflateServerTests(PythonDeflateServerFixture server) : ScriptedServerContract, IClassFixture<PythonDeflateServerFixture>
{
    protected override Uri Url => server.Url;

    protected override bool Deflate => true;

    protected override bool CanInterleavePings => false;
}

using System.Net;
using System.Security.Cryptography.X509Certificates;
using LowLatency.Replay.Faults;

namespace LowLatency.Replay.Server;

/// <summary>How a <see cref="Replayer"/> listens and plays.</summary>
public sealed record ReplayerOptions
{
    /// <summary>Address to bind; loopback by default.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>Port to bind; 0 lets the OS choose (read <see cref="Replayer.Port"/>).</summary>
    public int Port { get; init; }

    /// <summary>Pacing against the recorded timestamps.</summary>
    public ReplaySpeed Speed { get; init; } = ReplaySpeed.RealTime;

    /// <summary>Starts over at the end of the capture, forever (sequence numbers repeat, so books resynchronise).</summary>
    public bool Loop { get; init; }

    /// <summary>Skips the first part of the capture: each connection starts at the first message recorded at least this long after the first one.</summary>
    public TimeSpan StartOffset { get; init; }

    /// <summary>What a connection does at the end of the capture when not looping.</summary>
    public ReplayEndBehavior AtEnd { get; init; } = ReplayEndBehavior.Close;

    /// <summary>Faults to inject (see <see cref="FaultSpec"/>).</summary>
    public IReadOnlyList<FaultSpec> Faults { get; init; } = [];

    /// <summary>Bytes of frames gathered into one socket write at most.</summary>
    public int MaxBatchBytes { get; init; } = 64 * 1024;

    /// <summary>Serves wss with this certificate (with its private key); null serves plain ws.</summary>
    public X509Certificate2? ServerCertificate { get; init; }

    /// <summary>Told which recorded messages each socket write carries, and when (a measurement hook); null for none.</summary>
    public IReplaySendObserver? SendObserver { get; init; }
}

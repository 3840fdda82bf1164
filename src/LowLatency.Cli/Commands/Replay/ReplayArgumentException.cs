namespace LowLatency.Cli.Commands.Replay;

/// <summary>Bad command-line arguments for <c>replay</c>; the message is the one line printed.</summary>
public sealed class ReplayArgumentException(string message) : ArgumentException(message);

namespace LowLatency.Cli.Commands.Demo;

/// <summary>A <c>demo</c> or <c>run</c> argument is missing, unknown or invalid; the message is the one line printed.</summary>
public sealed class DemoArgumentException(string message) : Exception(message);

namespace LowLatency.Cli.Commands.Replay;

/// <summary>How <c>replay</c> prints its report.</summary>
public enum ReplayReportFormat
{
    /// <summary>One JSON object.</summary>
    Json = 0,

    /// <summary>The same figures as a table.</summary>
    Text,
}

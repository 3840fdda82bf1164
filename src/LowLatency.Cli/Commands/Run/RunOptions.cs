namespace LowLatency.Cli.Commands.Run;

/// <summary>What <c>lowlatency run</c> was asked to do.</summary>
/// <param name="ConfigPath">The JSON configuration (section <c>LowLatency</c>, as appsettings.json).</param>
/// <param name="Duration">How long to run; null runs until Ctrl+C.</param>
/// <param name="ConnectTimeout">How long the first connections may take before the run gives up.</param>
public sealed record RunOptions(string ConfigPath, TimeSpan? Duration, TimeSpan ConnectTimeout);

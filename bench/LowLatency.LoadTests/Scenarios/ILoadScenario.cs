using LowLatency.LoadTests.Reporting;

namespace LowLatency.LoadTests.Scenarios;

/// <summary>One load scenario: runs the replayer against the engine and reports what it measured.</summary>
public interface ILoadScenario
{
    /// <summary>The name given to <c>--scenario</c>.</summary>
    string Name { get; }

    /// <summary>One line on what it does.</summary>
    string Description { get; }

    /// <summary>Runs it.</summary>
    Task<LoadReport> RunAsync(LoadContext context);
}

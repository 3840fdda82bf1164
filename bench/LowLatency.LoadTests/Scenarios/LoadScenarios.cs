namespace LowLatency.LoadTests.Scenarios;

/// <summary>The scenarios <c>--scenario</c> knows.</summary>
public static class LoadScenarios
{
    /// <summary>All of them.</summary>
    public static IReadOnlyList<ILoadScenario> All { get; } =
        [new RatesScenario(), new ConnectionsScenario(), new ReadersScenario(), new FaultsScenario()];

    /// <summary>The scenario called <paramref name="name"/>, or null.</summary>
    public static ILoadScenario? Find(string name) => All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}

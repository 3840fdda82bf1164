using System.Reflection;

namespace LowLatency.Feeds.Exchanges;

/// <summary>Every venue definition in this assembly, found by reflection and looked up by name.</summary>
/// <remarks>
/// Adding a venue means adding its definition class (public, sealed, parameterless constructor)
/// in its exchange folder; nothing else lists venues.
/// </remarks>
public static class ExchangeCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, IExchangeDefinition>> ByName = new(Discover);

    /// <summary>All definitions, ordered by name.</summary>
    public static IReadOnlyList<IExchangeDefinition> All => [.. ByName.Value.Values.OrderBy(d => d.Name, StringComparer.Ordinal)];

    /// <summary>All venue names, ordered.</summary>
    public static IReadOnlyList<string> Names => [.. ByName.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Looks a venue up by name (case-insensitive).</summary>
    public static bool TryGet(string name, out IExchangeDefinition definition) =>
        ByName.Value.TryGetValue(name, out definition!);

    /// <summary>The venue called <paramref name="name"/>.</summary>
    /// <exception cref="UnknownExchangeException">No venue has that name.</exception>
    public static IExchangeDefinition Get(string name) =>
        TryGet(name, out var definition) ? definition : throw new UnknownExchangeException(name, Names);

    private static IReadOnlyDictionary<string, IExchangeDefinition> Discover()
    {
        var definitions = new Dictionary<string, IExchangeDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in typeof(ExchangeCatalog).Assembly.GetTypes())
        {
            if (type.IsAbstract || type.IsInterface || !typeof(IExchangeDefinition).IsAssignableFrom(type) ||
                type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is null)
                continue;
            var definition = (IExchangeDefinition)Activator.CreateInstance(type)!;
            if (!definitions.TryAdd(definition.Name, definition))
                throw new InvalidOperationException($"Two exchange definitions are named '{definition.Name}': {definitions[definition.Name].GetType()} and {type}.");
        }
        return definitions;
    }
}

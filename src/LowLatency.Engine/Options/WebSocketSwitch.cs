namespace LowLatency.Engine.Options;

/// <summary>Reads the <c>ENABLE_WEBSOCKET</c> switch: true/1/yes (the default) or false/0/no, any case.</summary>
public static class WebSocketSwitch
{
    /// <summary>The environment variable (and configuration key) name.</summary>
    public const string VariableName = "ENABLE_WEBSOCKET";

    /// <summary>Parses a switch value; null or blank means enabled.</summary>
    /// <exception cref="FormatException">Any other text.</exception>
    public static bool Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return true;
        return value.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => throw new FormatException($"Received {VariableName}='{value}'; expected true, 1, yes, false, 0 or no."),
        };
    }

    /// <summary>The switch from the process environment.</summary>
    /// <exception cref="FormatException">The variable holds something else than the accepted values.</exception>
    public static bool FromEnvironment() => Parse(Environment.GetEnvironmentVariable(VariableName));
}

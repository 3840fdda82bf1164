using LowLatency.Rest.Lane;

namespace LowLatency.Rest.Logging;

/// <summary>A priority formatted for logs without boxing the enum.</summary>
internal readonly struct RestPriorityName(RestPriority priority)
{
    public override string ToString() => priority switch
    {
        RestPriority.Critical => "Critical",
        RestPriority.High => "High",
        _ => "Normal",
    };
}

namespace PressRoom.Contracts;

/// <summary>Which process did the work ("host:pid"); recorded with each release so scale-out is visible.</summary>
public static class WorkerIdentity
{
    public static string Current { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}

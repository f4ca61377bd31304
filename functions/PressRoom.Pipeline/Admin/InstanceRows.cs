using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace PressRoom.Pipeline.Admin;

/// <summary>Maps durable instance metadata to admin rows: release and file from the input, stage and reason from the custom status.</summary>
public static class InstanceRows
{
    public static readonly OrchestrationRuntimeStatus[] Terminal =
    [
        OrchestrationRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Terminated,
    ];

    public static bool IsTerminal(OrchestrationRuntimeStatus status) => Terminal.Contains(status);

    public static InstanceRow From(OrchestrationMetadata instance, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var input = TryReadInput(instance);
        var stage = TryReadStatus(instance);
        var end = IsTerminal(instance.RuntimeStatus) ? instance.LastUpdatedAt : now;
        return new InstanceRow(
            instance.InstanceId,
            instance.Name,
            input?.ReleaseId ?? ReleaseIdentity.ReleaseIdFromInstance(instance.InstanceId),
            input?.BlobName,
            instance.RuntimeStatus.ToString(),
            instance.CreatedAt,
            instance.LastUpdatedAt,
            Math.Max(0, (end - instance.CreatedAt).TotalMilliseconds),
            stage?.Stage,
            stage?.ReasonCode,
            LastError(instance.FailureDetails) ?? FailureText(instance));
    }

    /// <summary>
    /// Some backends (the local gRPC sidecar) report a failed instance's error as its output instead of failure details.
    /// </summary>
    /// <param name="unwrap">Keep only the activity's own error, without the SDK's "Task 'X' failed" wrapper.</param>
    public static string? FailureText(OrchestrationMetadata instance, bool unwrap = true)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Failed || string.IsNullOrEmpty(instance.SerializedOutput))
        {
            return null;
        }

        var text = Parse(instance.SerializedOutput) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : instance.SerializedOutput;

        // "Task 'X' (#3) failed with an unhandled exception: <what broke>": keep what broke.
        const string Marker = "failed with an unhandled exception: ";
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        return unwrap && text.StartsWith("Task '", StringComparison.Ordinal) && at > 0 ? text[(at + Marker.Length)..] : text;
    }

    /// <summary>The innermost message says what actually broke ("Task 'X' failed…" wraps it).</summary>
    public static string? LastError(TaskFailureDetails? failure)
    {
        if (failure is null)
        {
            return null;
        }

        var inner = failure;
        while (inner.InnerFailure is not null)
        {
            inner = inner.InnerFailure;
        }

        return inner.ErrorMessage;
    }

    public static ReleaseInput? TryReadInput(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.SerializedInput is null || !TaskNames.IsProcessRelease(instance.Name))
        {
            return null;
        }

        try
        {
            return instance.ReadInputAs<ReleaseInput>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static StageStatus? TryReadStatus(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (string.IsNullOrEmpty(instance.SerializedCustomStatus))
        {
            return null;
        }

        try
        {
            return instance.ReadCustomStatusAs<StageStatus>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }

    public static bool TryParseStatus(string value, out OrchestrationRuntimeStatus status) =>
        Enum.TryParse(value, ignoreCase: true, out status) && Enum.IsDefined(status);
}

namespace PressRoom.Contracts;

/// <summary>
/// Reason codes of a <c>Failed</c> release (docs/output-contract.md, statuses), written by the orchestrator into the
/// custom status and the Releases row; rejection codes are <see cref="RejectionReason"/>.
/// </summary>
public static class FailureReasons
{
    /// <summary>A stage failed after its retries.</summary>
    public const string StageFailed = "StageFailed";

    /// <summary>A provider refused the request for good (auth, quota, content); retrying does not help.</summary>
    public const string ProviderRejected = "ProviderRejected";

    /// <summary>Reading was started <c>Documents:MaxReadAttempts</c> times and the worker died each time.</summary>
    public const string Poison = "Poison";
}

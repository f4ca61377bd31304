namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// A release whose reading was started <see cref="Documents.DocumentLimits.MaxReadAttempts"/> times without finishing
/// (the process died or was killed each time). Permanent, so the orchestration records a Failed row with reason code
/// <see cref="Code"/> instead of reading it again; an admin restart reads it afresh.
/// </summary>
public sealed class PoisonReleaseException(string message) : PermanentFailureException(Code, message)
{
    public const string Code = FailureReasons.Poison;
}

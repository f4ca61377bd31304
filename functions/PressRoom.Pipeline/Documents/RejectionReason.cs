namespace PressRoom.Pipeline.Documents;

/// <summary>Machine-readable reasons a release cannot be processed. Part of the output contract.</summary>
public enum RejectionReason
{
    UnsupportedFormat,
    Empty,
    TooLarge,
    Encrypted,
    Corrupt,
    NoText,
    DecodingFailed,
    LimitExceeded,
    UnsafeContent,
}

/// <summary>Thrown by document readers when input is unusable; never retried.</summary>
public sealed class DocumentRejectedException(RejectionReason reason, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public RejectionReason Reason { get; } = reason;
}

namespace PressRoom.Contracts;

/// <summary>
/// Thrown for failures that retrying cannot fix (bad credentials, a request the service refuses).
/// The orchestration's retry policy does not retry it.
/// </summary>
public class PermanentFailureException(string reasonCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public string ReasonCode { get; } = reasonCode;
}

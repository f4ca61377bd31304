using PressRoom.Pipeline.Workflow;

namespace PressRoom.Pipeline.Translation.Chat;

/// <summary>The chat server refused the request for a reason retrying cannot fix (401, 403, 404, a bad request).</summary>
public sealed class ChatTranslationRejectedException(string reasonCode, string message, Exception? inner = null)
    : PermanentFailureException(reasonCode, message, inner);

/// <summary>Throttling, server errors or timeouts that outlasted the in-process retries: the orchestration retries later.</summary>
public sealed class ChatTranslationTransientException(string reasonCode, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string ReasonCode { get; } = reasonCode;
}

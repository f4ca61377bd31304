namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// The ExtractEntities stage failed inside ReadDocument or Translate. Its type names the stage for the failure record;
/// the message is the cause's prefixed with the stage, and the cause (inner failure) says whether the failure is permanent.
/// </summary>
public sealed class EntityExtractionException : Exception
{
    public EntityExtractionException()
    {
    }

    public EntityExtractionException(string message)
        : base(message)
    {
    }

    /// <summary>The message names the stage (it shows in the activity's failure); the orchestrator records the cause's message.</summary>
    public EntityExtractionException(Exception inner)
        : base($"{TaskNames.ExtractEntities}: {inner?.Message}", inner)
    {
    }

    public EntityExtractionException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// The ExtractEntities stage failed inside ReadDocument or Translate. Its type names the stage for the failure record;
/// the message is the cause's, and the cause (inner failure) says whether the failure is permanent.
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

    public EntityExtractionException(Exception inner)
        : base(inner?.Message, inner)
    {
    }

    public EntityExtractionException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

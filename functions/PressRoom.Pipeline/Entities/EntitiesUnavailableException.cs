namespace PressRoom.Pipeline.Entities;

/// <summary>
/// Nothing could be extracted: every chunk of the text was refused by the entity service. Permanent (retrying the
/// same text meets the same refusal); the combined extractor falls back to the builtin provider on it.
/// </summary>
public sealed class EntitiesUnavailableException(string message)
    : PermanentFailureException(ReasonCodeValue, message)
{
    public const string ReasonCodeValue = "Language:NothingExtracted";
}

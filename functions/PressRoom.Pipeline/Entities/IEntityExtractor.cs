namespace PressRoom.Pipeline.Entities;

/// <summary>What an entity provider is asked to analyse.</summary>
/// <param name="Text">The text; offsets in the result refer to it.</param>
/// <param name="Language">ISO 639-1 code of the text (ar, en, …).</param>
/// <param name="ReferenceDate">The release's dateline date, for resolving relative dates.</param>
public sealed record EntityRequest(string Text, string Language, DateOnly? ReferenceDate = null);

/// <summary>The outcome of one extraction: the entities plus any warnings (for example a chunk the service refused).</summary>
public sealed record EntityResult(string Provider, IReadOnlyList<ExtractedEntity> Entities, IReadOnlyList<string> Warnings, long CharactersSent = 0)
{
    /// <summary>The version of the statistical model that produced the result (builtin tagger), null when none was used.</summary>
    public string? ModelVersion { get; init; }
}

/// <summary>An entity recognition provider (builtin offline rules, Azure AI Language, …).</summary>
public interface IEntityExtractor
{
    string Name { get; }

    Task<EntityResult> ExtractAsync(EntityRequest request, CancellationToken cancellationToken);
}

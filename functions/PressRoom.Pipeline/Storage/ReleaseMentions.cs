using System.Runtime.CompilerServices;
using PressRoom.Pipeline.Entities;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// The entity mentions of a completed release per language, for the save: held in memory (a small release, or one
/// whose mentions the save changed) or read from the stored <c>entities.{lang}.json</c> as they are written out, so a
/// large release's quarter of a million mentions are never all held at once.
/// </summary>
public sealed class ReleaseMentions
{
    readonly Func<string, CancellationToken, IAsyncEnumerable<ExtractedEntity>> read;

    ReleaseMentions(IReadOnlyList<string> languages, int count, Func<string, CancellationToken, IAsyncEnumerable<ExtractedEntity>> read)
    {
        Languages = languages;
        Count = count;
        this.read = read;
    }

    /// <summary>Languages in the order release.json lists them.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>Mentions of all languages, as known before reading (the stored summaries' counts).</summary>
    public int Count { get; }

    public IAsyncEnumerable<ExtractedEntity> ReadAsync(string language, CancellationToken cancellationToken) => read(language, cancellationToken);

    /// <summary>Mentions already in memory (a record's <see cref="ReleaseRecord.Entities"/>).</summary>
    public static ReleaseMentions Held(IReadOnlyDictionary<string, IReadOnlyList<ExtractedEntity>> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return new ReleaseMentions([.. entities.Keys], entities.Values.Sum(l => l.Count), (language, ct) => Enumerate(entities[language], ct));
    }

    /// <summary>Mentions read from each language's stored entities.{lang}.json when they are written out.</summary>
    public static ReleaseMentions Stored(ReleaseArtifacts artifacts, string releaseId, IReadOnlyList<string> languages, int count)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        return new ReleaseMentions(languages, count, (language, ct) => artifacts.ReadEntitiesAsync(releaseId, language, ct));
    }

    static async IAsyncEnumerable<ExtractedEntity> Enumerate(IReadOnlyList<ExtractedEntity> list, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in list)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask;
    }
}

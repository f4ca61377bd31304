namespace PressRoom.Pipeline.Entities;

/// <summary>
/// Runs an extractor over a long text in paragraph-aligned chunks of at most <see cref="MaxChunkCharacters"/>
/// characters and shifts the offsets back. Why: the builtin extractor's cost grows faster than its input on very large
/// texts (measured: 1 MB ~1 s, 4 MB ~9.5 s, 10 MB ~46 s of CPU; the tagger's reconciliation with the rules compares
/// candidates pairwise), while a release's entities are local to their paragraphs. A text at or under the chunk size
/// (every ordinary release) goes through unchanged; in a larger one a short mention is linked only to a full name
/// in the same chunk.
/// </summary>
public sealed class ChunkedEntityExtractor(IEntityExtractor inner, int maxChunkCharacters) : IEntityExtractor
{
    /// <summary>Default chunk: about 25 pages of text, far above an ordinary release.</summary>
    public const int DefaultMaxChunkCharacters = 50_000;

    public int MaxChunkCharacters { get; } = maxChunkCharacters > 0 ? maxChunkCharacters : throw new ArgumentOutOfRangeException(nameof(maxChunkCharacters));

    public string Name => inner.Name;

    public async Task<EntityResult> ExtractAsync(EntityRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Text.Length <= MaxChunkCharacters)
        {
            return await inner.ExtractAsync(request, cancellationToken);
        }

        var entities = new List<ExtractedEntity>();
        var warnings = new List<string>();

        // A large text names the same entities over and over (215,492 mentions, 12,150 keys in the 10 MB bench
        // release): each chunk's strings are shared with equal ones of earlier chunks, so the result holds one copy
        // each and the chunk's own copies die young (measured in docs/benchmarks.md, "issue 17, merged main").
        var strings = new StringShare();
        long sent = 0;
        string? modelVersion = null;
        string provider = inner.Name;
        foreach (var (start, length) in Chunks(request.Text, MaxChunkCharacters))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await inner.ExtractAsync(request with { Text = request.Text.Substring(start, length) }, cancellationToken);
            provider = result.Provider;
            modelVersion ??= result.ModelVersion;
            sent += result.CharactersSent;
            warnings.AddRange(result.Warnings);
            foreach (var entity in result.Entities)
            {
                entities.Add(entity with
                {
                    Offset = entity.Offset + start,
                    Text = strings.Share(entity.Text),
                    Key = strings.Share(entity.Key),
                    Value = strings.ShareOrNull(entity.Value),
                    English = strings.ShareOrNull(entity.English),
                });
            }
        }

        return new EntityResult(provider, entities, warnings, sent) { ModelVersion = modelVersion };
    }

    /// <summary>
    /// Chunk bounds: each ends at the last paragraph break (else line break, else space) in its second half, so no
    /// sentence is cut unless a single run of text without breaks is longer than half a chunk.
    /// </summary>
    public static IEnumerable<(int Start, int Length)> Chunks(string text, int maxChunkCharacters)
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = 0;
        while (start < text.Length)
        {
            int end = Math.Min(start + maxChunkCharacters, text.Length);
            if (end < text.Length)
            {
                int floor = start + (maxChunkCharacters / 2);
                int cut = LastBreak(text, "\n\n", floor, end);
                cut = cut > 0 ? cut : LastBreak(text, "\n", floor, end);
                cut = cut > 0 ? cut : LastBreak(text, " ", floor, end);
                end = cut > 0 ? cut : end;
                if (char.IsHighSurrogate(text[end - 1]))
                {
                    end--;
                }
            }

            yield return (start, end - start);
            start = end;
        }
    }

    /// <returns>The index just after the last <paramref name="separator"/> ending at or before <paramref name="end"/> and after <paramref name="floor"/>; 0 when none.</returns>
    static int LastBreak(string text, string separator, int floor, int end)
    {
        int at = text.LastIndexOf(separator, end - 1, end - floor, StringComparison.Ordinal);
        return at > floor ? at + separator.Length : 0;
    }

    /// <summary>Equal strings of one extraction, kept once.</summary>
    sealed class StringShare
    {
        readonly HashSet<string> seen = new(StringComparer.Ordinal);

        public string Share(string value)
        {
            if (seen.TryGetValue(value, out var shared))
            {
                return shared;
            }

            seen.Add(value);
            return value;
        }

        public string? ShareOrNull(string? value) => value is null ? null : Share(value);
    }
}

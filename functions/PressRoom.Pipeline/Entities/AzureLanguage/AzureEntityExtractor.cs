using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.AzureAI;

namespace PressRoom.Pipeline.Entities.AzureLanguage;

/// <summary>
/// Entity provider <c>azure</c>: Azure AI Language NER (2024-11-01) on chunks of the text, five documents per request,
/// requests in parallel (capped by the client). On English text Entity Linking adds Wikipedia ids and urls
/// (the service has no Arabic linking). A chunk the service refuses (InvalidDocument, UnsupportedLanguageCode)
/// becomes a warning; only when nothing at all could be analysed does the extraction fail.
/// </summary>
public sealed class AzureEntityExtractor(
    LanguageClient client,
    LanguageDocumentChunker chunker,
    ILogger<AzureEntityExtractor> logger) : IEntityExtractor
{
    public const string ProviderName = "azure";

    public string Name => ProviderName;

    public async Task<EntityResult> ExtractAsync(EntityRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text;
        var language = LanguageCode(request.Language);
        var chunks = chunker.Chunk(text);
        if (chunks.Count == 0)
        {
            return new EntityResult(ProviderName, [], [], 0);
        }

        var inputs = chunks.Select((c, i) => new LanguageInput(i.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Of(text), language)).ToList();
        var batches = inputs.Chunk(LanguageClient.MaxDocumentsPerRequest).ToList();
        var nerTask = Task.WhenAll(batches.Select(b => client.RecognizeEntitiesAsync(b, cancellationToken)));
        var linkTask = IsEnglish(language)
            ? Task.WhenAll(batches.Select(b => client.RecognizeLinkedEntitiesAsync(b, cancellationToken)))
            : Task.FromResult(Array.Empty<IReadOnlyList<LanguageDocumentOutcome<LinkingDocument>>>());
        await Task.WhenAll(nerTask, linkTask);

        var warnings = new List<string>();
        var entities = new List<ExtractedEntity>();
        var analysed = 0;
        foreach (var outcome in nerTask.Result.SelectMany(r => r))
        {
            var chunk = chunks[int.Parse(outcome.Id, System.Globalization.CultureInfo.InvariantCulture)];
            if (outcome.Error is { } error)
            {
                warnings.Add(ChunkWarning("EntityRecognition", outcome.Id, chunk, error));
                continue;
            }

            analysed++;
            warnings.AddRange((outcome.Document!.Warnings ?? []).Select(w => $"Language EntityRecognition chunk {outcome.Id}: {w.Code}: {w.Message}"));
            foreach (var entity in outcome.Document.Entities ?? [])
            {
                if (ToExtracted(entity, text, chunk, language) is { } extracted)
                {
                    entities.Add(extracted);
                }
                else
                {
                    warnings.Add($"Language EntityRecognition chunk {outcome.Id}: entity '{entity.Text}' at {entity.Offset} does not match the text; dropped.");
                }
            }
        }

        if (analysed == 0)
        {
            throw new EntitiesUnavailableException($"Azure AI Language could not analyse any of the {chunks.Count} chunks: {string.Join(" | ", warnings)}");
        }

        var linked = LinkEntities(linkTask.Result.SelectMany(r => r), chunks, text, entities, warnings);
        var characters = inputs.Sum(i => (long)TextMeasure.CodePoints(i.Text)) * (IsEnglish(language) ? 2 : 1);
        logger.LogInformation(
            "Azure AI Language: {Entities} entities ({Linked} linked) in {Chunks} chunks of {Language} text, {Requests} requests per kind, {Warnings} warnings",
            entities.Count, linked, chunks.Count, language, batches.Count, warnings.Count);
        return new EntityResult(ProviderName, [.. entities.OrderBy(e => e.Offset).ThenByDescending(e => e.Length)], warnings, characters);
    }

    static ExtractedEntity? ToExtracted(NerEntity entity, string text, TextSpan chunk, string language)
    {
        if (string.IsNullOrEmpty(entity.Text))
        {
            return null;
        }

        var offset = Locate(text, chunk, chunk.Start + entity.Offset, entity.Text);
        if (offset < 0)
        {
            return null;
        }

        var category = Category(entity);
        var subcategory = entity.Subcategory ?? (entity.Type is { } type && !string.Equals(type, category, StringComparison.OrdinalIgnoreCase) && !string.Equals(type, entity.Category, StringComparison.OrdinalIgnoreCase) ? type : null);
        var value = EntityMetadata.NormalizedValue(entity.Metadata);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(attributes, "type", entity.Type);
        Add(attributes, "tags", entity.Tags is { Length: > 0 } tags ? string.Join(",", tags.Select(t => t.Name)) : null);
        Add(attributes, "metadataKind", EntityMetadata.Kind(entity.Metadata));
        Add(attributes, "timex", EntityMetadata.Timex(entity.Metadata));
        var english = IsEnglish(language) ? entity.Text : null;
        return new ExtractedEntity
        {
            Category = category,
            Subcategory = subcategory,
            Text = entity.Text,
            Offset = offset,
            Length = entity.Text.Length,
            Confidence = entity.ConfidenceScore,
            English = english,
            Value = value,
            Key = EntityKeys.Make(category, value ?? entity.Text),
            Provider = ProviderName,
            Attributes = attributes.Count == 0 ? null : attributes,
        };
    }

    /// <summary>
    /// The whole-text offset of an entity: the service's offset when the text is there (the normal case), otherwise
    /// the nearest occurrence inside the chunk, so an index-type mix-up cannot attach a name to the wrong span.
    /// </summary>
    static int Locate(string text, TextSpan chunk, int offset, string entityText)
    {
        if (offset >= chunk.Start && offset + entityText.Length <= chunk.End && string.CompareOrdinal(text, offset, entityText, 0, entityText.Length) == 0)
        {
            return offset;
        }

        var best = -1;
        for (var i = text.IndexOf(entityText, chunk.Start, chunk.Length, StringComparison.Ordinal); i >= 0 && i + entityText.Length <= chunk.End;
             i = i + 1 < chunk.End ? text.IndexOf(entityText, i + 1, chunk.End - i - 1, StringComparison.Ordinal) : -1)
        {
            if (best < 0 || Math.Abs(i - offset) < Math.Abs(best - offset))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Adds Wikipedia facts to the recognised entities that a linked mention overlaps. Returns how many got them.</summary>
    static int LinkEntities(IEnumerable<LanguageDocumentOutcome<LinkingDocument>> outcomes, IReadOnlyList<TextSpan> chunks, string text, List<ExtractedEntity> entities, List<string> warnings)
    {
        var linked = 0;
        foreach (var outcome in outcomes)
        {
            var chunk = chunks[int.Parse(outcome.Id, System.Globalization.CultureInfo.InvariantCulture)];
            if (outcome.Error is { } error)
            {
                warnings.Add(ChunkWarning("EntityLinking", outcome.Id, chunk, error));
                continue;
            }

            foreach (var link in outcome.Document!.Entities ?? [])
            {
                foreach (var match in link.Matches ?? [])
                {
                    var start = string.IsNullOrEmpty(match.Text) ? -1 : Locate(text, chunk, chunk.Start + match.Offset, match.Text);
                    if (start < 0)
                    {
                        continue;
                    }

                    var end = start + match.Text!.Length;
                    for (var i = 0; i < entities.Count; i++)
                    {
                        var e = entities[i];
                        if (e.Offset < end && start < e.Offset + e.Length && e.Attributes?.ContainsKey("wikipediaUrl") != true)
                        {
                            entities[i] = WithLink(e, link);
                            linked++;
                        }
                    }
                }
            }
        }

        return linked;
    }

    static ExtractedEntity WithLink(ExtractedEntity entity, LinkedEntity link)
    {
        var attributes = entity.Attributes is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(entity.Attributes, StringComparer.Ordinal);
        Add(attributes, "linkedName", link.Name);
        Add(attributes, "dataSource", link.DataSource);
        Add(attributes, "wikipediaId", link.Id);
        Add(attributes, "wikipediaUrl", link.Url);
        Add(attributes, "bingId", link.BingId);
        var keyed = entity.Category is "Quantity" or "DateTime" || string.IsNullOrWhiteSpace(link.Name)
            ? entity.Key
            : EntityKeys.Make(entity.Category, link.Name);
        return entity with { Attributes = attributes, Key = keyed };
    }

    static string ChunkWarning(string kind, string id, TextSpan chunk, AzureServiceError error) =>
        $"Language {kind} chunk {id} (characters {chunk.Start}–{chunk.End}) skipped: {error.Code ?? error.TopLevelCode}: {error.Message}";

    /// <summary>2024-11-01 tags say Temporal/Numeric where the classic taxonomy (and the builtin provider) says DateTime/Quantity.</summary>
    static string Category(NerEntity entity)
    {
        var category = entity.Category ?? entity.Tags?.FirstOrDefault()?.Name ?? entity.Type ?? "Unknown";
        return category switch
        {
            "Temporal" => "DateTime",
            "Numeric" => "Quantity",
            _ => category,
        };
    }

    static void Add(Dictionary<string, string> attributes, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            attributes[name] = value;
        }
    }

    static string LanguageCode(string language) => string.IsNullOrWhiteSpace(language) ? "en" : language.Trim().ToLowerInvariant();

    static bool IsEnglish(string language) => language == "en" || language.StartsWith("en-", StringComparison.Ordinal);
}

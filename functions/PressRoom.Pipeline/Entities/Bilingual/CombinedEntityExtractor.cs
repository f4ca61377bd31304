using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Entities;

namespace PressRoom.Pipeline.Entities.Bilingual;

/// <summary>
/// Entity provider <c>both</c>: the builtin rules and Azure AI Language on the same text, merged. Where both found
/// the same mention (overlapping span, compatible category) one entity remains: Azure's span, category and
/// confidence, the builtin's house key and English name when its span covers Azure's, both providers' attributes. If Azure could analyse
/// nothing, the builtin result stands with a warning; other Azure failures propagate (a bad key must be seen).
/// </summary>
public sealed class CombinedEntityExtractor(IEntityExtractor builtin, IEntityExtractor azure, ILogger<CombinedEntityExtractor> logger) : IEntityExtractor
{
    public const string ProviderName = "both";

    public string Name => ProviderName;

    public async Task<EntityResult> ExtractAsync(EntityRequest request, CancellationToken cancellationToken)
    {
        var builtinTask = builtin.ExtractAsync(request, cancellationToken);
        EntityResult azureResult;
        try
        {
            azureResult = await azure.ExtractAsync(request, cancellationToken);
        }
        catch (EntitiesUnavailableException ex)
        {
            logger.LogWarning("Azure AI Language extracted nothing; keeping the builtin entities: {Reason}", ex.Message);
            azureResult = new EntityResult(azure.Name, [], [ex.Message]);
        }

        var builtinResult = await builtinTask;
        var merged = Merge(builtinResult.Entities, azureResult.Entities);
        return new EntityResult(
            ProviderName,
            merged,
            [.. builtinResult.Warnings, .. azureResult.Warnings],
            builtinResult.CharactersSent + azureResult.CharactersSent)
        {
            ModelVersion = builtinResult.ModelVersion,
        };
    }

    internal static IReadOnlyList<ExtractedEntity> Merge(IReadOnlyList<ExtractedEntity> builtin, IReadOnlyList<ExtractedEntity> azure)
    {
        var used = new bool[builtin.Count];
        var result = new List<ExtractedEntity>(builtin.Count + azure.Count);
        foreach (var a in azure)
        {
            var best = -1;
            var bestOverlap = 0;
            for (var b = 0; b < builtin.Count; b++)
            {
                var overlap = Math.Min(a.Offset + a.Length, builtin[b].Offset + builtin[b].Length) - Math.Max(a.Offset, builtin[b].Offset);
                if (!used[b] && overlap > bestOverlap && a.Category == builtin[b].Category)
                {
                    best = b;
                    bestOverlap = overlap;
                }
            }

            if (best < 0)
            {
                result.Add(a);
                continue;
            }

            used[best] = true;
            var house = builtin[best];
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in (house.Attributes ?? new Dictionary<string, string>()).Concat(a.Attributes ?? new Dictionary<string, string>()))
            {
                attributes[name] = value;
            }

            // The house key and English name describe the builtin span; keep them when that span covers Azure's
            // (same mention), not when Azure found a longer, more specific one ("ديسمبر 2018" around "2018").
            var houseCovers = house.Offset <= a.Offset && house.Offset + house.Length >= a.Offset + a.Length;
            result.Add(a with
            {
                Key = houseCovers ? house.Key : a.Key,
                English = houseCovers ? house.English ?? a.English : a.English,
                Value = a.Value ?? house.Value,
                Subcategory = a.Subcategory ?? house.Subcategory,
                Provider = $"{house.Provider}+{a.Provider}",
                Attributes = attributes.Count == 0 ? null : attributes,
            });
        }

        result.AddRange(builtin.Where((_, i) => !used[i]));
        return [.. result.OrderBy(e => e.Offset).ThenByDescending(e => e.Length)];
    }
}

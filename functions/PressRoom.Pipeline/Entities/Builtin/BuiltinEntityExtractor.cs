using System.Globalization;
using System.Text.RegularExpressions;

namespace PressRoom.Pipeline.Entities.Builtin;

/// <summary>The offline entity provider. First version: years only; grown by the builtin-entities work.</summary>
public sealed partial class BuiltinEntityExtractor : IEntityExtractor
{
    public const string ProviderName = "builtin";

    public string Name => ProviderName;

    public Task<EntityResult> ExtractAsync(EntityRequest request, CancellationToken cancellationToken)
    {
        var entities = Year().Matches(request.Text).Select(m => new ExtractedEntity
        {
            Category = "DateTime",
            Subcategory = "Date",
            Text = m.Value,
            Offset = m.Index,
            Length = m.Length,
            Confidence = 0.8,
            Value = m.Value,
            English = m.Value,
            Key = "datetime:" + m.Value.ToString(CultureInfo.InvariantCulture),
            Provider = ProviderName,
        }).ToList();
        return Task.FromResult(new EntityResult(ProviderName, entities, []));
    }

    [GeneratedRegex(@"\b(19|20)\d{2}\b")]
    private static partial Regex Year();
}

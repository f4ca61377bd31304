using System.Text.Json;

namespace PressRoom.Tests.Infra;

/// <summary>
/// A compiled ARM template, read as JSON. Values that are ARM expressions stay expressions (<c>"[...]"</c>); the
/// tests compare them with the expressions that refer to a given resource (<see cref="ArmResource.ResourceIdExpression"/>).
/// </summary>
public sealed class ArmTemplate
{
    readonly JsonElement root;

    ArmTemplate(JsonElement root)
    {
        this.root = root;
        // Bicep emits an array of resources, or an object keyed by symbolic name when symbolic names are on.
        var resources = root.GetProperty("resources");
        Resources = resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray().Select(r => new ArmResource(r)).ToList()
            : resources.EnumerateObject().Select(p => new ArmResource(p.Value)).ToList();
    }

    public IReadOnlyList<ArmResource> Resources { get; }

    public JsonElement Root => root;

    public static ArmTemplate Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new ArmTemplate(document.RootElement.Clone());
    }

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource Single(string type)
    {
        var matches = OfType(type).ToList();
        Assert.True(matches.Count == 1, $"Expected exactly one {type}, found {matches.Count}.");
        return matches[0];
    }

    public ArmResource Single(string type, Func<ArmResource, bool> predicate)
    {
        var matches = OfType(type).Where(predicate).ToList();
        Assert.True(matches.Count == 1, $"Expected exactly one matching {type}, found {matches.Count}.");
        return matches[0];
    }

    public JsonElement Parameter(string name) =>
        root.GetProperty("parameters").TryGetProperty(name, out var parameter)
            ? parameter
            : throw new KeyNotFoundException($"The template has no parameter '{name}'.");

    public IEnumerable<string> ParameterNames => root.GetProperty("parameters").EnumerateObject().Select(p => p.Name);

    public JsonElement Variable(string name) => root.GetProperty("variables").GetProperty(name);

    public IEnumerable<string> OutputNames =>
        root.TryGetProperty("outputs", out var outputs) ? outputs.EnumerateObject().Select(p => p.Name) : [];

    public JsonElement Output(string name) => root.GetProperty("outputs").GetProperty(name);
}

/// <summary>One resource of a compiled template.</summary>
public sealed class ArmResource(JsonElement element)
{
    public JsonElement Element { get; } = element;

    public string Type => Element.GetProperty("type").GetString()!;

    /// <summary>The name as written in the template: a literal or an ARM expression.</summary>
    public string Name => Element.GetProperty("name").GetString()!;

    public JsonElement Properties => Element.GetProperty("properties");

    /// <summary>The ARM expression Bicep writes for this (top-level) resource's id, e.g. in a scope or a reference().</summary>
    public string ResourceIdExpression => $"resourceId('{Type}', {ArmExpression.Inner(Name)})";

    /// <summary>The value at a dotted path such as <c>properties.siteConfig.minTlsVersion</c>.</summary>
    public JsonElement At(string path) => Element.At(path);

    public string String(string path) => At(path).GetString()
        ?? throw new InvalidOperationException($"{Type} '{Name}': {path} is null.");
}

public static class ArmExpression
{
    /// <summary>Body of an ARM expression (<c>[x]</c> → <c>x</c>), or a literal quoted as an ARM string.</summary>
    public static string Inner(string value) =>
        value.StartsWith('[') && value.EndsWith(']') ? value[1..^1] : $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    public static bool IsExpression(string value) => value.StartsWith('[') && value.EndsWith(']') && !value.StartsWith("[[", StringComparison.Ordinal);

    /// <summary>Does the expression read a runtime property of the given resource (<c>reference(resourceId(...), ...).x</c>)?</summary>
    public static bool References(string value, ArmResource resource, string propertyPath) =>
        value.StartsWith($"[reference({resource.ResourceIdExpression}, ", StringComparison.Ordinal)
        && value.EndsWith($").{propertyPath}]", StringComparison.Ordinal);
}

public static class JsonPathExtensions
{
    public static JsonElement At(this JsonElement element, string path)
    {
        var current = element;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                throw new KeyNotFoundException($"No '{segment}' on the way to '{path}'.");
            }
        }

        return current;
    }

    public static bool TryAt(this JsonElement element, string path, out JsonElement value)
    {
        try
        {
            value = element.At(path);
            return true;
        }
        catch (KeyNotFoundException)
        {
            value = default;
            return false;
        }
    }
}

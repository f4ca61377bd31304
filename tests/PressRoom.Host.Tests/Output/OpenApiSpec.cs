using System.Text.Json;

namespace PressRoom.Tests.Output;

/// <summary>Reads an OpenAPI 3 document: operations, response schemas (with <c>$ref</c>s resolved) and which fields of a JSON value a schema leaves undescribed.</summary>
public sealed class OpenApiSpec(JsonElement document)
{
    public JsonElement Operation(string method, string path)
    {
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document.");
        Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is not in the OpenAPI document.");
        return operation;
    }

    public JsonElement ResponseSchema(string method, string path, int status)
    {
        var responses = Operation(method, path).GetProperty("responses");
        Assert.True(responses.TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response), $"{method} {path} documents no {status} response.");
        var content = response.GetProperty("content").EnumerateObject().First(c => c.Name.Contains("json", StringComparison.Ordinal));
        return Resolve(content.Value.GetProperty("schema"));
    }

    /// <summary>JSON paths of the fields in <paramref name="value"/> that <paramref name="schema"/> does not describe.</summary>
    public IEnumerable<string> Undescribed(JsonElement value, JsonElement schema, string at)
    {
        schema = Resolve(schema);
        var branches = Branches(schema).ToList();
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in value.EnumerateObject())
            {
                var described = branches.Select(b => b.TryGetProperty("properties", out var p) && p.TryGetProperty(field.Name, out var s) ? s : (JsonElement?)null)
                    .Concat(branches.Select(b => b.TryGetProperty("additionalProperties", out var a) && a.ValueKind == JsonValueKind.Object ? a : (JsonElement?)null))
                    .FirstOrDefault(s => s is not null);
                if (described is null)
                {
                    yield return $"{at}.{field.Name}";
                    continue;
                }

                foreach (var inner in Undescribed(field.Value, described.Value, $"{at}.{field.Name}"))
                {
                    yield return inner;
                }
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && branches.Select(b => b.TryGetProperty("items", out var i) ? i : (JsonElement?)null).FirstOrDefault(i => i is not null) is { } items)
        {
            var index = 0;
            foreach (var element in value.EnumerateArray())
            {
                foreach (var inner in Undescribed(element, items, $"{at}[{index++}]"))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The schema itself and the alternatives it is made of (nullable references are written as oneOf/anyOf).</summary>
    IEnumerable<JsonElement> Branches(JsonElement schema)
    {
        yield return schema;
        foreach (var keyword in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(keyword, out var list))
            {
                foreach (var branch in list.EnumerateArray())
                {
                    foreach (var inner in Branches(Resolve(branch)))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var parts = reference.GetString()!.TrimStart('#', '/').Split('/');
            var target = document;
            foreach (var part in parts)
            {
                target = target.GetProperty(part);
            }

            schema = target;
        }

        return schema;
    }
}

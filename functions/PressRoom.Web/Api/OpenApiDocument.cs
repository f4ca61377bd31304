using System.Text.Json.Nodes;

namespace PressRoom.Web;

/// <summary>
/// The OpenAPI 3.0 document served at <c>/api/openapi.json</c>, built from <see cref="ApiRoutes.All"/> so it cannot list a
/// route the hosts do not map (tests check the other direction). Schemas are summaries; docs/output-contract.md has every field.
/// </summary>
public static class OpenApiDocument
{
    public static JsonObject Build()
    {
        var paths = new JsonObject();
        foreach (var operation in ApiRoutes.All)
        {
            var path = operation.Path;
            if (paths[path] is not JsonObject item)
            {
                item = new JsonObject();
                paths[path] = item;
            }

            item[operation.Method.ToLowerInvariant()] = Describe(operation);
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "PressRoom API",
                ["version"] = PressRoom.Pipeline.Storage.ReleaseRecord.CurrentSchemaVersion,
                ["description"] = "Upload press releases and read what PressRoom produced: releases, translations, entities. See docs/output-contract.md.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["apiKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = ApiKeyFilter.HeaderName, ["description"] = "Local host: Api:Key. Azure: a Functions key (x-functions-key header or code query)." },
                },
                ["schemas"] = new JsonObject
                {
                    ["Error"] = Object(("error", Object(("code", Str()), ("message", Str())))),
                    ["ReleaseSummary"] = Object(
                        ("releaseId", Str()), ("documentId", Str()), ("status", Str()), ("language", Str()), ("title", Str()), ("titleEn", Str()),
                        ("datelinePlace", Str()), ("datelineDate", Str()), ("receivedAt", Str("date-time")), ("entityCount", Int()),
                        ("sourceBlob", Str()), ("supersededBy", Str()), ("url", Str())),
                    ["ReleasePage"] = Object(("items", ArrayOf(Ref("ReleaseSummary"))), ("continuation", Str())),
                    ["Release"] = new JsonObject { ["type"] = "object", ["description"] = "Release detail: title, dateline, source and translated paragraphs (aligned), entities per language with offsets, links." },
                    ["UploadAccepted"] = Object(("releaseId", Str()), ("documentId", Str()), ("blob", Str()), ("status", Str()), ("duplicate", new JsonObject { ["type"] = "boolean" }), ("url", Str()), ("statusUrl", Str())),
                    ["ReleaseStatus"] = Object(("releaseId", Str()), ("status", Str()), ("reasonCode", Str()), ("reason", Str()), ("language", Str()), ("supersededBy", Str()), ("stage", Str())),
                    ["EntitySearch"] = Object(("query", Str()), ("items", ArrayOf(Object(("key", Str()), ("category", Str()), ("name", Str()), ("english", Str()), ("lastReleaseId", Str()), ("lastSeenAt", Str("date-time")), ("releasesUrl", Str()))))),
                },
            },
        };
    }

    static JsonObject Describe(ApiOperation operation)
    {
        var parameters = new JsonArray();
        foreach (var name in PathParameters(operation.Route))
        {
            parameters.Add(Parameter(name, "path", required: true));
        }

        (string Summary, string[] Query, (string Code, string Schema) Ok) described = operation.OperationId switch
        {
            "UploadRelease" => ("Upload a release (raw body with X-File-Name, or multipart/form-data); it is processed like a blob upload.", System.Array.Empty<string>(), ("202", "UploadAccepted")),
            "ListReleases" => ("Releases, newest first, paged.", ["since", "until", "language", "status", "entity", "top", "continuation"], ("200", "ReleasePage")),
            "GetRelease" => ("One release: summary, title, dateline, paragraphs of the source and each translation, entities.", [], ("200", "Release")),
            "GetReleaseText" => ("Plain text of the source or a translation; entity offsets refer to it.", ["lang"], ("200", "text")),
            "GetReleaseStatus" => ("Status and reason of a release, for polling after an upload.", [], ("200", "ReleaseStatus")),
            "SearchEntities" => ("Entities by Arabic or English name (normalized, word-prefix match).", ["q", "category", "top"], ("200", "EntitySearch")),
            "ListEntityReleases" => ("Releases that mention an entity, newest first, paged.", ["since", "until", "language", "status", "top", "continuation"], ("200", "ReleasePage")),
            "GetOpenApi" => ("This document.", [], ("200", "json")),
            _ => throw new InvalidOperationException($"Undocumented operation {operation.OperationId}."),
        };
        var (summary, query, ok) = described;
        foreach (var name in query)
        {
            parameters.Add(Parameter(name, "query", required: name == "q"));
        }

        var responses = new JsonObject { [ok.Code] = Response(ok.Schema) };
        foreach (var (code, text) in new[] { ("400", "Invalid parameter"), ("401", "Missing or wrong API key"), ("404", "Not found"), ("413", "File larger than the upload limit") })
        {
            if (code == "413" && operation.OperationId != "UploadRelease")
            {
                continue;
            }

            responses[code] = new JsonObject { ["description"] = text, ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref("Error") } } };
        }

        var result = new JsonObject
        {
            ["operationId"] = operation.OperationId,
            ["summary"] = summary,
            ["parameters"] = parameters,
            ["responses"] = responses,
        };
        if (operation.OperationId != "GetOpenApi")
        {
            result["security"] = new JsonArray(new JsonObject { ["apiKey"] = new JsonArray() });
        }

        if (operation.OperationId == "UploadRelease")
        {
            result["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject
                {
                    ["application/octet-stream"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } },
                    ["multipart/form-data"] = new JsonObject { ["schema"] = Object(("file", new JsonObject { ["type"] = "string", ["format"] = "binary" }), ("fileName", Str())) },
                },
            };
            parameters.Add(Parameter(ReleasesApi.FileNameHeader, "header", required: false));
        }

        return result;
    }

    static IEnumerable<string> PathParameters(string route) =>
        route.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1]);

    static JsonObject Parameter(string name, string location, bool required) =>
        new() { ["name"] = name, ["in"] = location, ["required"] = required, ["schema"] = Str() };

    static JsonObject Response(string schema) => schema switch
    {
        "text" => new JsonObject { ["description"] = "OK", ["content"] = new JsonObject { ["text/plain"] = new JsonObject { ["schema"] = Str() } } },
        "json" => new JsonObject { ["description"] = "OK", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } } },
        _ => new JsonObject { ["description"] = "OK", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(schema) } } },
    };

    static JsonObject Ref(string name) => new() { ["$ref"] = $"#/components/schemas/{name}" };

    static JsonObject Str(string? format = null) => format is null ? new() { ["type"] = "string" } : new() { ["type"] = "string", ["format"] = format };

    static JsonObject Int() => new() { ["type"] = "integer" };

    static JsonObject ArrayOf(JsonNode items) => new() { ["type"] = "array", ["items"] = items };

    static JsonObject Object(params (string Name, JsonNode Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema;
        }

        return new JsonObject { ["type"] = "object", ["properties"] = props };
    }
}

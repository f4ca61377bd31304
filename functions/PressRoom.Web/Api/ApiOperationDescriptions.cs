using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PressRoom.Web;

/// <summary>
/// What the generator cannot see in a handler's signature: query parameters a handler parses itself, the upload
/// body (raw or multipart), the API key, and the document's title. Applied as transformers of the generated document.
/// </summary>
static class ApiOperationDescriptions
{
    const string ApiKeyScheme = "apiKey";

    public static Task DescribeDocumentAsync(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "PressRoom API",
            Version = PressRoom.Pipeline.Storage.ReleaseRecord.CurrentSchemaVersion,
            Description = "Upload press releases and read what PressRoom produced: releases, translations, entities. Errors are RFC 9457 problems that also carry {\"error\":{\"code\",\"message\"}}. See docs/output-contract.md.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyFilter.HeaderName,
            Description = "Local host: Api:Key. Azure: a Functions key (x-functions-key header or code query).",
        };
        return Task.CompletedTask;
    }

    public static Task RequireApiKeyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] });
        return Task.CompletedTask;
    }

    public static Task AddQueryAsync(OpenApiOperation operation, IEnumerable<string> names)
    {
        operation.Parameters ??= [];
        foreach (var name in names)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Required = name == "q",
                Schema = new OpenApiSchema { Type = name == "top" ? JsonSchemaType.Integer : JsonSchemaType.String },
            });
        }

        return Task.CompletedTask;
    }

    public static Task UploadBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var binary = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/octet-stream"] = new() { Schema = binary },
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                        {
                            ["file"] = binary,
                            ["fileName"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        },
                    },
                },
            },
        };
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = ReleasesApi.FileNameHeader,
            In = ParameterLocation.Header,
            Description = "The file name of a raw-body upload.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        return Task.CompletedTask;
    }
}

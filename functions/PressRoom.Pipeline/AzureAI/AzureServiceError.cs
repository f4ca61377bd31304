using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;

namespace PressRoom.Pipeline.AzureAI;

/// <summary>
/// An error answer of an Azure AI service, parsed from its body: Translator sends a numeric <c>error.code</c>
/// (HTTP status × 1000 + sub-code), Language a string code with nested <c>innererror</c>s. <see cref="Code"/> is the
/// most specific code found (the innermost one), which is what tells a caller what to fix.
/// </summary>
public sealed record AzureServiceError(string Service, int Status, string? Code, string? TopLevelCode, string Message, string? RequestId)
{
    /// <summary>Stable reason code for status rows and failure records, e.g. <c>Translator:401000</c>, <c>Language:InvalidDocumentBatch</c>.</summary>
    public string ReasonCode => $"{Service}:{Code ?? Status.ToString(CultureInfo.InvariantCulture)}";

    public string Describe() =>
        $"Azure AI {Service} answered HTTP {Status}{(Code is null ? string.Empty : $" ({Code})")}: {Message}{(RequestId is null ? string.Empty : $" [request {RequestId}]")}";

    /// <summary>Reads the error body of a response. Never throws: a body that is not the documented JSON becomes the message.</summary>
    public static AzureServiceError FromResponse(string service, Response response)
    {
        var requestId = Header(response, "X-RequestId") ?? Header(response, "apim-request-id") ?? response.ClientRequestId;
        var body = response.Content?.ToString() ?? string.Empty;
        return Parse(service, response.Status, body, requestId, Header(response, "x-ms-error-code"));
    }

    internal static AzureServiceError Parse(string service, int status, string body, string? requestId, string? headerCode = null)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && TryGet(json.RootElement, "error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return FromErrorObject(service, status, error, requestId, headerCode);
            }
        }
        catch (JsonException)
        {
            // Fall through: gateways and proxies answer with HTML or nothing at all.
        }

        return new AzureServiceError(service, status, headerCode, headerCode, Excerpt(body), requestId);
    }

    /// <summary>Reads an <c>error</c> object (HTTP error body or a per-document error of a Language batch).</summary>
    internal static AzureServiceError FromErrorObject(string service, int status, JsonElement error, string? requestId, string? headerCode = null)
    {
        var top = CodeOf(error);
        var innermost = top;
        var message = StringOf(error, "message");
        var current = error;
        while (TryGet(current, "innererror", out var inner) && inner.ValueKind == JsonValueKind.Object)
        {
            innermost = CodeOf(inner) ?? innermost;
            message = StringOf(inner, "message") ?? message;
            current = inner;
        }

        return new AzureServiceError(service, status, innermost ?? headerCode, top ?? headerCode, message ?? "(no message)", requestId);
    }

    static string? CodeOf(JsonElement element)
    {
        if (!TryGet(element, "code", out var code))
        {
            return null;
        }

        return code.ValueKind switch
        {
            JsonValueKind.Number => code.GetRawText(),
            JsonValueKind.String => code.GetString(),
            _ => null,
        };
    }

    static string? StringOf(JsonElement element, string name) =>
        TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    static string Excerpt(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(empty body)";
        }

        var text = new StringBuilder(body.Length > 300 ? body[..300] : body).Replace('\n', ' ').Replace('\r', ' ').ToString().Trim();
        return body.Length > 300 ? text + "…" : text;
    }

    static string? Header(Response response, string name) => response.Headers.TryGetValue(name, out var value) ? value : null;
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Web;

/// <summary>Error codes of the HTTP API. Part of the output contract.</summary>
public static class ApiErrorCodes
{
    public const string NotFound = "NotFound";
    public const string InvalidParameter = "InvalidParameter";
    public const string MissingFileName = "MissingFileName";
    public const string InvalidFileName = "InvalidFileName";
    public const string MissingFile = "MissingFile";
    public const string Empty = "Empty";
    public const string TooLarge = "TooLarge";
    public const string TextNotAvailable = "TextNotAvailable";
    public const string Unauthorized = "Unauthorized";
    public const string Forbidden = "Forbidden";
    public const string InternalError = "InternalError";
    public const string RequestTimeout = "RequestTimeout";
    public const string MalformedBody = "MalformedBody";
    public const string UnsupportedMediaType = "UnsupportedMediaType";

    /// <summary>499: the client went away before the answer (no client sees it; logs and tests do).</summary>
    public const string Cancelled = "Cancelled";

    // The admin API's own codes (docs/admin.md); every code is listed in docs/output-contract.md, "Errors".
    public const string InvalidStatus = "InvalidStatus";
    public const string InvalidTop = "InvalidTop";
    public const string InvalidDate = "InvalidDate";
    public const string UnknownAction = "UnknownAction";
    public const string CompletedBeforeRequired = "CompletedBeforeRequired";
    public const string InvalidBody = "InvalidBody";
    public const string ReasonRequired = "ReasonRequired";
}

/// <summary>
/// Every error of the HTTP API has one shape, never a stack trace: an RFC 9457 problem (<c>type</c>, <c>title</c>,
/// <c>status</c>, <c>detail</c>) that also carries the documented <c>{"error":{"code":"…","message":"…"}}</c>, so
/// clients of either form keep working.
/// </summary>
public static class ApiErrors
{
    public const string ContentType = "application/problem+json";

    public static IResult Error(int status, string code, string message) =>
        Results.Json(ApiProblem.Of(status, code, message), PressRoomJson.Options, ContentType, status);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, message);

    public static IResult BadRequest(string code, string message) => Error(StatusCodes.Status400BadRequest, code, message);

    /// <summary>Runs a handler; anything unexpected is logged and answered with a plain 500.</summary>
    public static async Task<IResult> GuardAsync(ILogger logger, string operation, Func<Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            return await handler();
        }
        catch (Exception ex) when (RequestBodyErrors.BodyError(ex) is { } body)
        {
            // The client's body was refused by the server (size, rate, format): its answer, without a stack trace.
            logger.LogInformation("API operation {Operation} refused the request body: {Status} {Reason}", operation, body.Status, body.Message);
            return Error(body.Status, body.Code, body.Message);
        }
        catch (OperationCanceledException)
        {
            return Error(499, ApiErrorCodes.Cancelled, "The request was cancelled.");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "API operation {Operation} failed", operation);
            return Error(StatusCodes.Status500InternalServerError, ApiErrorCodes.InternalError, "An unexpected error occurred; it has been logged.");
        }
    }
}

public sealed record ApiError(string Code, string Message);

/// <summary>The error body: <see cref="ProblemDetails"/> (title = code, detail = message) plus the documented <c>error</c> object.</summary>
public sealed class ApiProblem : ProblemDetails
{
    /// <summary>The documented error object (docs/output-contract.md, "Errors").</summary>
    public required ApiError Error { get; init; }

    public static ApiProblem Of(int status, string code, string message) => new()
    {
        Type = $"urn:pressroom:error:{code}",
        Title = code,
        Status = status,
        Detail = message,
        Error = new ApiError(code, message),
    };
}

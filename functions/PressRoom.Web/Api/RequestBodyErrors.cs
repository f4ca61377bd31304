using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PressRoom.Web;

/// <summary>
/// Turns the server's own refusals of a request body — too large (413), too slow (408), malformed (400) — into the
/// API's JSON error instead of an unhandled exception with a stack trace in the log. They are the client's fault,
/// so they are logged as one line at Information.
/// </summary>
public sealed partial class RequestBodyErrors(RequestDelegate next, ILogger<RequestBodyErrors> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (BodyError(ex) is { } error && !context.Response.HasStarted)
        {
            LogRefused(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, error.Status, error.Message);
            await ApiErrors.Error(error.Status, error.Code, error.Message).ExecuteAsync(context);
        }
    }

    /// <summary>The API error for a failure caused by the request body, or null for anything else.</summary>
    public static BodyErrorResult? BodyError(Exception exception) => Find(exception) switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            new(StatusCodes.Status413PayloadTooLarge, ApiErrorCodes.TooLarge, "The request body is larger than this endpoint accepts."),
        BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } =>
            new(StatusCodes.Status408RequestTimeout, ApiErrorCodes.RequestTimeout, "The request body arrived too slowly; send it again."),
        BadHttpRequestException bad =>
            new(bad.StatusCode, ApiErrorCodes.MalformedBody, "The request body could not be read: it is malformed or ended early."),
        InvalidDataException =>
            new(StatusCodes.Status400BadRequest, ApiErrorCodes.MalformedBody, "The multipart body is malformed."),
        _ => null,
    };

    static Exception? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : current.InnerException)
        {
            if (current is BadHttpRequestException or InvalidDataException)
            {
                return current;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused the body of {Method} {Path}: {Status} {Reason}")]
    static partial void LogRefused(ILogger logger, string method, string path, int status, string reason);
}

public sealed record BodyErrorResult(int Status, string Code, string Message);

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using PressRoom.Pipeline.Admin;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Web;

/// <summary>
/// The admin HTTP handlers, shared by both hosts: the local host maps them in <see cref="AdminEndpoints"/>, the
/// Functions app calls them from thin HTTP triggers. Readers may list and view; only admins may act (401 / 403).
/// </summary>
public sealed class AdminApi(AdminInstanceQueries queries, AdminInstanceActions actions, TimeProvider clock)
{
    static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);

    public async Task<IResult> ListAsync(DurableTaskClient client, AdminCaller caller, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Deny(caller, AdminRole.Reader) is { } denied)
        {
            return denied;
        }

        var q = request.Query;
        if (!TryDate(q, "createdFrom", out var from, out var error) || !TryDate(q, "createdTo", out var to, out error))
        {
            return error!;
        }

        var statuses = Split(q["status"]);
        if (statuses.FirstOrDefault(s => !InstanceRows.TryParseStatus(s, out _)) is { } bad)
        {
            return Problem(400, ApiErrorCodes.InvalidStatus, $"Unknown status '{bad}'. Use Pending, Running, Completed, Failed, Terminated or Suspended.");
        }

        var top = InstanceFilter.DefaultTop;
        if (q["top"].ToString() is { Length: > 0 } topText && (!int.TryParse(topText, CultureInfo.InvariantCulture, out top) || top < 1 || top > InstanceFilter.MaxTop))
        {
            return Problem(400, ApiErrorCodes.InvalidTop, $"top must be a whole number from 1 to {InstanceFilter.MaxTop}.");
        }

        var filter = new InstanceFilter
        {
            Statuses = statuses,
            Name = Text(q["name"]),
            CreatedFrom = from,
            CreatedTo = to,
            Release = Text(q["release"]),
            Top = top,
            Continuation = Text(q["continuation"]),
        };
        return Json(await queries.ListAsync(client, filter, cancellationToken));
    }

    public async Task<IResult> CountsAsync(DurableTaskClient client, AdminCaller caller, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Deny(caller, AdminRole.Reader) is { } denied)
        {
            return denied;
        }

        if (!TryDate(request.Query, "since", out var since, out var error))
        {
            return error!;
        }

        return Json(await queries.CountAsync(client, since ?? clock.GetUtcNow() - DefaultWindow, cancellationToken));
    }

    public async Task<IResult> GetAsync(DurableTaskClient client, AdminCaller caller, string instanceId, CancellationToken cancellationToken)
    {
        if (Deny(caller, AdminRole.Reader) is { } denied)
        {
            return denied;
        }

        var detail = await queries.GetAsync(client, instanceId, cancellationToken);
        if (detail is not null)
        {
            return Json(detail);
        }

        var log = await queries.ActionsAsync(instanceId, cancellationToken);
        return log.Count == 0
            ? Problem(404, ApiErrorCodes.NotFound, $"No instance {instanceId}.")
            : Problem(404, ApiErrorCodes.NotFound, $"No instance {instanceId}; the last admin action on it was {log[^1].Action} by {log[^1].Actor} at {log[^1].At:O} ({log[^1].Reason}).");
    }

    /// <summary><c>terminate</c>, <c>restart</c>, <c>rewind</c> or <c>purge</c> on one instance; the body carries <c>{"reason": "…"}</c>.</summary>
    public async Task<IResult> ActAsync(DurableTaskClient client, AdminCaller caller, string instanceId, string action, HttpRequest request, CancellationToken cancellationToken)
    {
        if (Deny(caller, AdminRole.Admin) is { } denied)
        {
            return denied;
        }

        var (reason, problem) = await ReadReasonAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = action switch
        {
            AdminActionNames.Terminate => await actions.TerminateAsync(client, instanceId, caller, reason!, cancellationToken),
            AdminActionNames.Restart => await actions.RestartAsync(client, instanceId, caller, reason!, cancellationToken),
            AdminActionNames.Rewind => await actions.RewindAsync(client, instanceId, caller, reason!, cancellationToken),
            AdminActionNames.Purge => await actions.PurgeAsync(client, instanceId, caller, reason!, cancellationToken),
            _ => null,
        };
        if (result is null)
        {
            return Problem(404, ApiErrorCodes.UnknownAction, $"Unknown action '{action}'. Use terminate, restart, rewind or purge.");
        }

        return Json(result, result.Outcome switch
        {
            ActionOutcome.Done => 200,
            ActionOutcome.NotFound => 404,
            _ => 409,
        });
    }

    public async Task<IResult> RetryFailedAsync(DurableTaskClient client, AdminCaller caller, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Deny(caller, AdminRole.Admin) is { } denied)
        {
            return denied;
        }

        if (!TryDate(request.Query, "since", out var since, out var error))
        {
            return error!;
        }

        var (reason, problem) = await ReadReasonAsync(request, cancellationToken);
        return problem ?? Json(await actions.RetryFailedAsync(client, since, Text(request.Query["reason"]), caller, reason!, cancellationToken));
    }

    public async Task<IResult> PurgeManyAsync(DurableTaskClient client, AdminCaller caller, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Deny(caller, AdminRole.Admin) is { } denied)
        {
            return denied;
        }

        if (!TryDate(request.Query, "completedBefore", out var before, out var error))
        {
            return error!;
        }

        if (before is null)
        {
            return Problem(400, ApiErrorCodes.CompletedBeforeRequired, "completedBefore is required (ISO 8601), so a bulk purge never removes everything by accident.");
        }

        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (var text in Split(request.Query["status"]))
        {
            if (!InstanceRows.TryParseStatus(text, out var status) || !InstanceRows.IsTerminal(status))
            {
                return Problem(400, ApiErrorCodes.InvalidStatus, $"'{text}' cannot be purged: use Completed, Failed or Terminated.");
            }

            statuses.Add(status);
        }

        var (reason, problem) = await ReadReasonAsync(request, cancellationToken);
        return problem ?? Json(await actions.PurgeEndedAsync(client, before.Value, statuses, caller, reason!, cancellationToken));
    }

    static IResult? Deny(AdminCaller caller, AdminRole needed)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role == AdminRole.None)
        {
            return Problem(401, ApiErrorCodes.Unauthorized, $"Send an admin or reader key in the {AdminAccess.KeyHeader} header.");
        }

        return caller.Role < needed ? Problem(403, ApiErrorCodes.Forbidden, "The reader key may list and view instances; actions need the admin key.") : null;
    }

    /// <summary>The "why" of an action, from the JSON body <c>{"reason": "…"}</c>; required so the log always says why.</summary>
    static async Task<(string? Reason, IResult? Problem)> ReadReasonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? reason = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            // A form or text/plain body is what a cross-site page can send without a preflight; JSON it cannot.
            if (!request.HasJsonContentType())
            {
                return (null, Problem(415, ApiErrorCodes.UnsupportedMediaType, "Send the body as application/json: {\"reason\": \"why this action\"}."));
            }

            try
            {
                var body = await JsonSerializer.DeserializeAsync<ActionRequest>(request.Body, PressRoomJson.Options, cancellationToken);
                reason = body?.Reason?.Trim();
            }
            catch (JsonException)
            {
                return (null, Problem(400, ApiErrorCodes.InvalidBody, "The body must be JSON: {\"reason\": \"why this action\"}."));
            }
        }

        return string.IsNullOrEmpty(reason)
            ? (null, Problem(400, ApiErrorCodes.ReasonRequired, "Say why: send {\"reason\": \"…\"} in the body. It is logged with the action and shown in the instance timeline."))
            : (reason.Length > 1000 ? reason[..1000] : reason, null);
    }

    static bool TryDate(IQueryCollection query, string name, out DateTimeOffset? value, out IResult? error)
    {
        value = null;
        error = null;
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        error = Problem(400, ApiErrorCodes.InvalidDate, $"{name} must be an ISO 8601 date or time, e.g. 2026-01-31T12:00:00Z.");
        return false;
    }

    static List<string> Split(Microsoft.Extensions.Primitives.StringValues values) =>
        values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    static string? Text(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } s ? s.Trim() : null;

    static IResult Json<T>(T value, int status = 200) => Results.Json(value, PressRoomJson.Options, statusCode: status);

    /// <summary>Admin errors have the API's one error shape (<see cref="ApiErrors"/>).</summary>
    internal static IResult Problem(int status, string code, string message) => ApiErrors.Error(status, code, message);

    sealed record ActionRequest(string? Reason);
}

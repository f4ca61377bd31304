using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using PressRoom.Pipeline.Admin;

namespace PressRoom.Web;

/// <summary>
/// Who is calling the local host's admin API: <c>X-Api-Key</c> equal to <c>Api:AdminKey</c> (every action) or
/// <c>Api:ReaderKey</c> (list and view). With neither key configured, loopback callers are admins (a developer's
/// machine). An optional <c>X-Admin-User</c> header names the person for the action log.
/// </summary>
public static class AdminAccess
{
    public const string KeyHeader = "X-Api-Key";
    public const string UserHeader = "X-Admin-User";

    public static AdminCaller Resolve(HttpContext context, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var user = UserName(context.Request);
        if (string.IsNullOrEmpty(options.AdminKey) && string.IsNullOrEmpty(options.ReaderKey))
        {
            return context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
                ? new AdminCaller(AdminRole.Admin, Actor("loopback", user))
                : new AdminCaller(AdminRole.None, "anonymous");
        }

        var key = context.Request.Headers[KeyHeader].ToString();
        if (key.Length == 0)
        {
            return new AdminCaller(AdminRole.None, "anonymous");
        }

        if (Same(key, options.AdminKey))
        {
            return new AdminCaller(AdminRole.Admin, Actor("admin-key", user));
        }

        return Same(key, options.ReaderKey)
            ? new AdminCaller(AdminRole.Reader, Actor("reader-key", user))
            : new AdminCaller(AdminRole.None, "invalid-key");
    }

    /// <summary>The caller the Functions host vouches for: its admin-level key check already passed.</summary>
    public static AdminCaller FunctionsAdmin(HttpRequest request) =>
        new(AdminRole.Admin, Actor("functions-admin-key", UserName(request ?? throw new ArgumentNullException(nameof(request)))));

    static string Actor(string role, string? user) => user is null ? role : $"{role} ({user})";

    static string? UserName(HttpRequest request)
    {
        var value = request.Headers[UserHeader].ToString().Trim();
        if (value.Length == 0)
        {
            return null;
        }

        // Self-declared, so keep it harmless in logs: printable, short.
        var clean = new string(value.Where(c => !char.IsControl(c)).Take(64).ToArray());
        return clean.Length == 0 ? null : clean;
    }

    /// <summary>Constant-time comparison, so response timing does not reveal the key.</summary>
    static bool Same(string given, string? expected) =>
        !string.IsNullOrEmpty(expected) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using PressRoom.Pipeline.Admin;

namespace PressRoom.Web;

/// <summary>
/// Who is calling the local host's admin API: <c>X-Api-Key</c> equal to <c>Api:AdminKey</c> (every action) or
/// <c>Api:ReaderKey</c> (list and view). With neither key configured, loopback callers of the local host are admins (a developer's
/// machine); the Functions app accepts keys only (<see cref="ResolveByKey"/>). An optional <c>X-Admin-User</c> header names the person for the action log.
/// </summary>
public static class AdminAccess
{
    public const string KeyHeader = "X-Api-Key";
    public const string UserHeader = "X-Admin-User";

    public static AdminCaller Resolve(HttpContext context, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.AdminKey) && string.IsNullOrEmpty(options.ReaderKey))
        {
            return context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
                ? new AdminCaller(AdminRole.Admin, Actor("loopback", UserName(context.Request)))
                : new AdminCaller(AdminRole.None, "anonymous");
        }

        return ResolveByKey(context, options);
    }

    /// <summary>
    /// Keys only, never the network: the Functions app's rule. Behind the Functions host every caller can look local, so
    /// loopback is no proof there; with no key configured nobody is an admin (secure by default).
    /// </summary>
    public static AdminCaller ResolveByKey(HttpContext context, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var user = UserName(context.Request);
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

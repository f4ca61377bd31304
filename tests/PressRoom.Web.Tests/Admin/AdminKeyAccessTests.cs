using System.Net;
using Microsoft.AspNetCore.Http;
using PressRoom.Pipeline.Admin;
using PressRoom.Web;

namespace PressRoom.Tests.Admin;

/// <summary>
/// Who may use the admin API: the local host trusts loopback when no key is configured; the Functions app
/// (<see cref="AdminAccess.ResolveByKey"/>) trusts keys only, so the dashboard in Azure works with PressRoom's keys and
/// without the host's master key, and refuses everyone when no key is set.
/// </summary>
public sealed class AdminKeyAccessTests
{
    static readonly ApiOptions NoKeys = new();
    static readonly ApiOptions Keys = new() { AdminKey = "admin-secret", ReaderKey = "reader-secret" };

    static DefaultHttpContext Loopback(string? key = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        if (key is not null)
        {
            context.Request.Headers[AdminAccess.KeyHeader] = key;
        }

        return context;
    }

    [Fact]
    public void Without_keys_the_local_host_trusts_loopback_but_the_functions_rule_trusts_nobody()
    {
        Assert.Equal(AdminRole.Admin, AdminAccess.Resolve(Loopback(), NoKeys).Role);
        Assert.Equal(AdminRole.None, AdminAccess.ResolveByKey(Loopback(), NoKeys).Role);
        Assert.Equal(AdminRole.None, AdminAccess.ResolveByKey(Loopback("anything"), NoKeys).Role);
    }

    [Theory]
    [InlineData("admin-secret", AdminRole.Admin)]
    [InlineData("reader-secret", AdminRole.Reader)]
    [InlineData("admin-secreT", AdminRole.None)]
    [InlineData(null, AdminRole.None)]
    public void With_keys_both_rules_go_by_the_key_alone(string? key, AdminRole expected)
    {
        Assert.Equal(expected, AdminAccess.ResolveByKey(Loopback(key), Keys).Role);
        Assert.Equal(expected, AdminAccess.Resolve(Loopback(key), Keys).Role);
    }

    [Fact]
    public void The_caller_named_in_the_action_log_says_which_key_was_used()
    {
        var context = Loopback("reader-secret");
        context.Request.Headers[AdminAccess.UserHeader] = "Mona";
        Assert.Equal("reader-key (Mona)", AdminAccess.ResolveByKey(context, Keys).Actor);
    }
}

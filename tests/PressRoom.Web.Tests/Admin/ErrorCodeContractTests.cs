using System.Reflection;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Admin;

/// <summary>Error codes are part of the output contract: every code the HTTP API (releases and admin) can answer is documented.</summary>
public sealed class ErrorCodeContractTests
{
    [Fact]
    public void Every_error_code_of_the_api_is_listed_in_the_output_contract()
    {
        var contract = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "output-contract.md"));
        var errors = contract[contract.IndexOf("**Errors**", StringComparison.Ordinal)..];
        var codes = typeof(ApiErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.True(codes.Count >= 20, $"only {codes.Count} codes found");
        Assert.All(codes, code => Assert.Contains($"`{code}`", errors, StringComparison.Ordinal));
    }
}

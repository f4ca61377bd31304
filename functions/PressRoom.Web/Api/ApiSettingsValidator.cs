using Microsoft.Extensions.Options;

namespace PressRoom.Web;

/// <summary>Startup validation of <c>Api:*</c> (registered by <c>AddPressRoomApi</c>, checked on start like the pipeline's settings).</summary>
public sealed class ApiSettingsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options) =>
        options?.MaxConcurrentUploads is >= 1 and <= 1000
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Api:MaxConcurrentUploads must be from 1 to 1000 (got {options?.MaxConcurrentUploads}).");
}

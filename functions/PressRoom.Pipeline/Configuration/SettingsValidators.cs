using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Admin;
using PressRoom.Pipeline.AzureAI;
using PressRoom.Pipeline.Translation.Chat;

namespace PressRoom.Pipeline.Configuration;

/// <summary>
/// Startup validation of the pipeline's settings (<c>ValidateOnStart</c>): a bad value stops the host before it serves,
/// with a message naming the key, the value and what is allowed — instead of an exception at first use.
/// </summary>
public static class SettingsValidators
{
    public static IServiceCollection AddPressRoomSettingsValidation(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<TranslationOptions>, TranslationSettingsValidator>();
        services.AddSingleton<IValidateOptions<EntitiesOptions>, EntitiesSettingsValidator>();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminSettingsValidator>();
        services.AddSingleton<IValidateOptions<AzureAIOptions>, AzureAISettingsValidator>();
        services.AddSingleton<IValidateOptions<ChatTranslationOptions>, ChatTranslationSettingsValidator>();
        services.AddOptions<TranslationOptions>().ValidateOnStart();
        services.AddOptions<EntitiesOptions>().ValidateOnStart();
        services.AddOptions<AdminOptions>().ValidateOnStart();
        services.AddOptions<AzureAIOptions>().ValidateOnStart();
        services.AddOptions<ChatTranslationOptions>().ValidateOnStart();
        return services;
    }

    internal static bool IsHttpUrl(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

public sealed partial class TranslationSettingsValidator : IValidateOptions<TranslationOptions>
{
    public ValidateOptionsResult Validate(string? name, TranslationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var provider = options.Provider?.Trim().ToLowerInvariant();
        if (provider is not ("none" or "azure" or "chat"))
        {
            failures.Add($"Unknown Translation:Provider '{options.Provider}'. Use none, azure or chat.");
        }

        if (options.TargetLanguageList.FirstOrDefault(l => !LanguageCode().IsMatch(l)) is { } bad)
        {
            failures.Add($"Translation:TargetLanguages has '{bad}', which is not a language code (use e.g. en or en,fr).");
        }

        if (provider == "azure" && !SettingsValidators.IsHttpUrl(options.Endpoint))
        {
            failures.Add("Translation:Endpoint must be an absolute https URL when Translation:Provider is azure.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageCode();
}

public sealed class EntitiesSettingsValidator : IValidateOptions<EntitiesOptions>
{
    public ValidateOptionsResult Validate(string? name, EntitiesOptions options) =>
        options?.Provider?.Trim().ToLowerInvariant() is "builtin" or "azure" or "both"
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Unknown Entities:Provider '{options?.Provider}'. Use builtin, azure or both.");
}

public sealed class AdminSettingsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options) =>
        options?.StuckAfter > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Admin:StuckAfter must be a positive time span such as 00:15:00 (got {options?.StuckAfter}).");
}

public sealed class AzureAISettingsValidator : IValidateOptions<AzureAIOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureAIOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxParallelRequests < 1)
        {
            failures.Add($"AzureAI:MaxParallelRequests must be at least 1 (got {options.MaxParallelRequests}).");
        }

        if (options.MaxRetries < 0)
        {
            failures.Add($"AzureAI:MaxRetries must be 0 or more (got {options.MaxRetries}).");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay <= TimeSpan.Zero || options.MaxServerRetryDelay < TimeSpan.Zero || options.NetworkTimeout <= TimeSpan.Zero)
        {
            failures.Add("AzureAI:RetryDelay, MaxRetryDelay and NetworkTimeout must be positive time spans, MaxServerRetryDelay not negative.");
        }

        if (options.MaxDocumentTextElements < 1)
        {
            failures.Add($"AzureAI:MaxDocumentTextElements must be at least 1 (got {options.MaxDocumentTextElements}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// <c>Translation:Chat:*</c>, checked only when the chat provider is chosen (the options bind whatever the provider).
/// </summary>
public sealed class ChatTranslationSettingsValidator(IOptions<TranslationOptions> translation) : IValidateOptions<ChatTranslationOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatTranslationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(translation.Value.Provider?.Trim(), "chat", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!SettingsValidators.IsHttpUrl(options.Endpoint))
        {
            failures.Add("Translation:Chat:Endpoint must be an absolute http(s) URL ending in /v1 when Translation:Provider is chat.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add("Translation:Chat:Model must name the model (or Azure OpenAI deployment) when Translation:Provider is chat.");
        }

        if (options.MaxParallelRequests < 1 || options.MaxRequestCharacters < 1 || options.MaxParagraphsPerRequest < 1 || options.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Translation:Chat:MaxParallelRequests, MaxRequestCharacters, MaxParagraphsPerRequest must be at least 1 and Timeout positive.");
        }

        if (options.Temperature is < 0 or > 2)
        {
            failures.Add($"Translation:Chat:Temperature must be from 0 to 2 (got {options.Temperature}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

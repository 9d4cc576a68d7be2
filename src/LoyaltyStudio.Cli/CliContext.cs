using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LoyaltyStudio.Cli;

/// <summary>What every command shares: where to write, the setting overrides, and one way to report failures.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, IReadOnlyList<string> settingOverrides)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>
    /// Builds the services from settings and runs <paramref name="action"/>. Failures a user can fix are printed as one
    /// plain message (no stack trace) and turned into the documented exit code.
    /// </summary>
    public async Task<int> RunAsync(Func<IServiceProvider, Task<int>> action)
    {
        try
        {
            using var host = CliHost.Build(settingOverrides);
            return await action(host.Services);
        }
        catch (OperationCanceledException)
        {
            await Error.WriteLineAsync("Cancelled; nothing was committed.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is DatabaseStartupException or OptionsValidationException or InvalidOperationException)
        {
            await Error.WriteLineAsync($"Error: {ex.Message}");
            return ExitCodes.DatabaseUnavailable;
        }
        catch (DomainException ex)
        {
            await Error.WriteLineAsync($"Error: {ex.Message}");
            return ExitCodes.Refused;
        }
    }
}

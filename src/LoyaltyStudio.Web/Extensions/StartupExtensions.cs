using LoyaltyStudio.Data;
using LoyaltyStudio.Web.Identity;
using Microsoft.Extensions.Options;

namespace LoyaltyStudio.Web.Extensions;

/// <summary>Work that must finish before the app serves a request: database ready, roles and demo users in place.</summary>
public static class StartupExtensions
{
    public static async Task PrepareAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Settings first: a wrong setting should be reported before anything touches the database.
        app.Services.GetService<IStartupValidator>()?.Validate();
        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetService<IDatabaseInitializer>();
        if (initializer is not null)
            await initializer.InitializeAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<StaffAccounts>().EnsureAsync(cancellationToken);
    }

    /// <summary>
    /// Failures that mean "fix a setting or a path": reported as their message alone, because a stack
    /// trace would bury the one line the operator needs.
    /// </summary>
    public static bool IsConfigurationProblem(Exception exception) => exception switch
    {
        DatabaseStartupException or OptionsValidationException => true,
        AggregateException { InnerExceptions.Count: 1 } aggregate => IsConfigurationProblem(aggregate.InnerExceptions[0]),
        // The data layer resolves Database:* while registering; its messages name the setting.
        InvalidOperationException when exception.Message.Contains("Database:", StringComparison.Ordinal) => true,
        _ => false,
    };

    public static string DescribeConfigurationProblem(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => DescribeConfigurationProblem(aggregate.InnerExceptions[0]),
        OptionsValidationException options => string.Join(" ", options.Failures),
        _ => exception.Message,
    };
}

using LoyaltyStudio.Data.Simulation;

namespace LoyaltyStudio.Data.Tests.Startup;

/// <summary>A generator double that records the requests it is given and writes one customer, so "seeded" is visible.</summary>
internal sealed class RecordingDataGenerator(LoyaltyDbContextFactory factory) : ILoyaltyDataGenerator
{
    public List<GenerationRequest> Requests { get; } = [];

    public async Task<GenerationSummary> GenerateAsync(GenerationRequest request, IProgress<GenerationProgress>? progress,
        CancellationToken cancellationToken)
    {
        Requests.Add(request);
        await using var context = factory.CreateDbContext();
        context.Customers.Add(Infrastructure.Sample.Customer("GEN-1"));
        await context.SaveChangesAsync(cancellationToken);
        progress?.Report(new GenerationProgress(1, 1, "customers"));
        return new GenerationSummary(1, 0, 0, 0, 0, 0, 0, TimeSpan.Zero);
    }
}

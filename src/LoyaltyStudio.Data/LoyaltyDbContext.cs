using LoyaltyStudio.Data.Configurations;
using LoyaltyStudio.Data.GroundTruth;
using LoyaltyStudio.Data.Identity;
using LoyaltyStudio.Domain.Access;
using LoyaltyStudio.Domain.Audit;
using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Offers;
using LoyaltyStudio.Domain.Privacy;
using LoyaltyStudio.Domain.Sales;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data;

/// <summary>The one database of LoyaltyStudio: customer data, scores, campaigns and the staff accounts.</summary>
public class LoyaltyDbContext(DbContextOptions options) : IdentityDbContext<LoyaltyUser>(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<InteractionEvent> InteractionEvents => Set<InteractionEvent>();
    public DbSet<SupportContact> SupportContacts => Set<SupportContact>();
    public DbSet<PointsLedgerEntry> PointsLedger => Set<PointsLedgerEntry>();
    public DbSet<Tier> Tiers => Set<Tier>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<HoldoutAssignment> HoldoutAssignments => Set<HoldoutAssignment>();
    public DbSet<CampaignResponseEvidence> CampaignResponseEvidence => Set<CampaignResponseEvidence>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<SegmentMembership> SegmentMemberships => Set<SegmentMembership>();
    public DbSet<SegmentSnapshot> SegmentSnapshots => Set<SegmentSnapshot>();
    public DbSet<SavedAudience> SavedAudiences => Set<SavedAudience>();
    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();
    public DbSet<ScoringRun> ScoringRuns => Set<ScoringRun>();
    public DbSet<CustomerScore> CustomerScores => Set<CustomerScore>();
    public DbSet<DataSubjectRequest> DataSubjectRequests => Set<DataSubjectRequest>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<SimulatedDataset> SimulatedDatasets => Set<SimulatedDataset>();
    public DbSet<CustomerTruth> CustomerTruths => Set<CustomerTruth>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LoyaltyDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

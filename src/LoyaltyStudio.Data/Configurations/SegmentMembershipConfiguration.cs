using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>
/// Maps <see cref="SegmentMembership"/>. Memberships belong to their scoring run's snapshot and go with it;
/// segments and customers are only referenced (SQL Server allows one cascade path per row).
/// </summary>
internal sealed class SegmentMembershipConfiguration : IEntityTypeConfiguration<SegmentMembership>
{
    public void Configure(EntityTypeBuilder<SegmentMembership> builder)
    {
        builder.ToTable("SegmentMemberships");
        builder.HasKey(m => m.Id);
        builder.HasOne<ScoringRun>().WithMany().HasForeignKey(m => m.ScoringRunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Segment>().WithMany().HasForeignKey(m => m.SegmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Segment>().WithMany().HasForeignKey(m => m.PreviousSegmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Restrict);
        // Members of a segment in a run, and where they came from (transitions), from the index alone.
        builder.HasIndex(m => new { m.ScoringRunId, m.SegmentId, m.PreviousSegmentId });
        builder.HasIndex(m => new { m.ScoringRunId, m.CustomerId });
        builder.HasIndex(m => m.CustomerId);
    }
}

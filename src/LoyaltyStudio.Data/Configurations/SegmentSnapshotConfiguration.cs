using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="SegmentSnapshot"/>: one row per segment per scoring run, removed with its run.</summary>
internal sealed class SegmentSnapshotConfiguration : IEntityTypeConfiguration<SegmentSnapshot>
{
    public void Configure(EntityTypeBuilder<SegmentSnapshot> builder)
    {
        builder.ToTable("SegmentSnapshots");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.AverageLifetimeValue).HasPrecision(18, 2);
        builder.Property(s => s.ProfileJson).IsRequired();
        builder.HasOne<ScoringRun>().WithMany().HasForeignKey(s => s.ScoringRunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Segment>().WithMany().HasForeignKey(s => s.SegmentId).OnDelete(DeleteBehavior.Restrict);
        // Pages read all snapshots of one run, and one segment's snapshots over runs.
        builder.HasIndex(s => new { s.ScoringRunId, s.SegmentId }).IsUnique();
        builder.HasIndex(s => s.SegmentId);
    }
}

using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Scoring;
using LoyaltyStudio.Domain.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="CustomerScore"/>: one row per customer per scoring run, removed with its run.</summary>
internal sealed class CustomerScoreConfiguration : IEntityTypeConfiguration<CustomerScore>
{
    public void Configure(EntityTypeBuilder<CustomerScore> builder)
    {
        builder.ToTable("CustomerScores");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ChurnRiskBand).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.Property(s => s.ChurnReasonsJson).IsRequired();
        builder.Property(s => s.NextBestOffersJson).IsRequired();
        builder.Property(s => s.PredictedLifetimeValue).HasPrecision(18, 2);
        builder.Property(s => s.ExpectedSpendPerOrder).HasPrecision(18, 2);
        builder.Property(s => s.Spend365).HasPrecision(18, 2);
        builder.Property(s => s.PointsBalance).HasPrecision(18, 2);
        builder.HasOne<ScoringRun>().WithMany().HasForeignKey(s => s.ScoringRunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Segment>().WithMany().HasForeignKey(s => s.MicroSegmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Segment>().WithMany().HasForeignKey(s => s.RfmSegmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ScoringRunId, s.CustomerId }).IsUnique();
        builder.HasIndex(s => new { s.ScoringRunId, s.ChurnRiskBand });
        // The segment pages list and aggregate one run's scores by micro-segment or RFM segment.
        builder.HasIndex(s => new { s.ScoringRunId, s.MicroSegmentId });
        builder.HasIndex(s => new { s.ScoringRunId, s.RfmSegmentId });
        builder.HasIndex(s => s.CustomerId);
        // Churn cohort pages list a run's members by churn score, one page at a time.
        builder.HasIndex(s => new { s.ScoringRunId, s.ChurnScore, s.CustomerId });
        // The RFM grid aggregates a run's scores by recency x frequency cell and segment from the index alone.
        builder.HasIndex(s => new { s.ScoringRunId, s.RfmRecency, s.RfmFrequency, s.RfmSegmentId, s.Spend365, s.PredictedLifetimeValue, s.ChurnScore },
            "IX_CustomerScores_RfmGrid");
    }
}

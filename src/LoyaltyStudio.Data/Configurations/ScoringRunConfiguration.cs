using LoyaltyStudio.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="ScoringRun"/>.</summary>
internal sealed class ScoringRunConfiguration : IEntityTypeConfiguration<ScoringRun>
{
    public void Configure(EntityTypeBuilder<ScoringRun> builder)
    {
        builder.ToTable("ScoringRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.Property(r => r.TriggeredBy).HasMaxLength(ColumnSizes.Actor).IsRequired();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.Property(r => r.StageTimingsJson).IsRequired();
        builder.Property(r => r.ModelVersionsJson).IsRequired();
        builder.HasIndex(r => r.IsCurrent);
        builder.HasIndex(r => r.StartedAt);
    }
}

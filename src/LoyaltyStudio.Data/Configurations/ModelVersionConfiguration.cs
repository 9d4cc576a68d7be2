using LoyaltyStudio.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="ModelVersion"/>: one row per trained model, numbered per kind.</summary>
internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> builder)
    {
        builder.ToTable("ModelVersions");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.Property(m => m.Algorithm).HasMaxLength(ColumnSizes.Name).IsRequired();
        builder.Property(m => m.Artifact).IsRequired();
        builder.Property(m => m.MetricsJson).IsRequired();
        builder.Property(m => m.CreatedBy).HasMaxLength(ColumnSizes.Actor).IsRequired();
        builder.HasIndex(m => new { m.Kind, m.Version }).IsUnique();
        builder.HasIndex(m => new { m.Kind, m.IsActive });
    }
}

using LoyaltyStudio.Domain.Loyalty;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="Tier"/>.</summary>
internal sealed class TierConfiguration : IEntityTypeConfiguration<Tier>
{
    public void Configure(EntityTypeBuilder<Tier> builder)
    {
        builder.ToTable("Tiers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Code).HasMaxLength(ColumnSizes.Code).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(ColumnSizes.Name).IsRequired();
        builder.Property(t => t.QualifyingSpend).HasPrecision(18, 2);
        builder.Property(t => t.PointsPerCurrencyUnit).HasPrecision(9, 4);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.HasIndex(t => t.Rank).IsUnique();
    }
}

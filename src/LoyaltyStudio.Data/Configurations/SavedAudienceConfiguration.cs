using LoyaltyStudio.Domain.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="SavedAudience"/>; the rule tree is kept as JSON text.</summary>
internal sealed class SavedAudienceConfiguration : IEntityTypeConfiguration<SavedAudience>
{
    public void Configure(EntityTypeBuilder<SavedAudience> builder)
    {
        builder.ToTable("SavedAudiences");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(ColumnSizes.Name).IsRequired();
        builder.Property(a => a.RulesJson).IsRequired();
        builder.Property(a => a.CreatedBy).HasMaxLength(ColumnSizes.Actor).IsRequired();
        builder.HasIndex(a => a.Name);
    }
}

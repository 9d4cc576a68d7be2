using LoyaltyStudio.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="Category"/>.</summary>
internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("Categories");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(ColumnSizes.Code).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(ColumnSizes.Name).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
    }
}

using LoyaltyStudio.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="Product"/>; a category with products cannot be deleted.</summary>
internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("Products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Sku).HasMaxLength(ColumnSizes.Code).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(ColumnSizes.Name).IsRequired();
        builder.Property(p => p.UnitPrice).HasPrecision(18, 2);
        builder.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.Sku).IsUnique();
    }
}

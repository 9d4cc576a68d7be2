using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="Order"/> and its lines, which EF Core reads and writes through the private list.</summary>
internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("Orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.ExternalId).HasMaxLength(ColumnSizes.ExternalId).IsRequired();
        builder.Property(o => o.Channel).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.Property(o => o.Total).HasPrecision(18, 2);
        builder.Property(o => o.DiscountTotal).HasPrecision(18, 2);

        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(o => o.ExternalId).IsUnique();
        builder.HasIndex(o => new { o.CustomerId, o.OrderedAt });
        builder.HasIndex(o => o.OrderedAt);
    }
}

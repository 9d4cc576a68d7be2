using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="SupportContact"/>.</summary>
internal sealed class SupportContactConfiguration : IEntityTypeConfiguration<SupportContact>
{
    public void Configure(EntityTypeBuilder<SupportContact> builder)
    {
        builder.ToTable("SupportContacts");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ExternalId).HasMaxLength(ColumnSizes.ExternalId);
        builder.Property(s => s.Topic).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CustomerId, s.OpenedAt });
        builder.HasIndex(s => s.ExternalId).IsUnique();
    }
}

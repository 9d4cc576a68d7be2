using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="InteractionEvent"/>; the sender's id is unique so that ingestion is idempotent.</summary>
internal sealed class InteractionEventConfiguration : IEntityTypeConfiguration<InteractionEvent>
{
    public void Configure(EntityTypeBuilder<InteractionEvent> builder)
    {
        builder.ToTable("InteractionEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ExternalId).HasMaxLength(ColumnSizes.ExternalId);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.Property(e => e.Channel).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(e => e.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.CustomerId, e.OccurredAt });
        builder.HasIndex(e => e.ExternalId).IsUnique();
    }
}

using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Offers;
using LoyaltyStudio.Domain.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="Offer"/>.</summary>
internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.ToTable("Offers");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Title).HasMaxLength(ColumnSizes.Name).IsRequired();
        builder.Property(o => o.Reason).HasMaxLength(ColumnSizes.Note).IsRequired();
        builder.Property(o => o.ExpectedValue).HasPrecision(18, 2);
        builder.Property(o => o.Cost).HasPrecision(18, 2);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.Property(o => o.DecidedBy).HasMaxLength(ColumnSizes.Actor);
        builder.Property(o => o.RejectionReason).HasMaxLength(ColumnSizes.Note);

        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(o => o.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Category>().WithMany().HasForeignKey(o => o.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(o => o.RedemptionOrderId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(o => new { o.Status, o.ProposedAt });
        builder.HasIndex(o => o.CustomerId);
        builder.HasIndex(o => o.CampaignId);
    }
}

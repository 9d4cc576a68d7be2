using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="HoldoutAssignment"/>: one side per customer per campaign.</summary>
internal sealed class HoldoutAssignmentConfiguration : IEntityTypeConfiguration<HoldoutAssignment>
{
    public void Configure(EntityTypeBuilder<HoldoutAssignment> builder)
    {
        builder.ToTable("HoldoutAssignments");
        builder.HasKey(h => h.Id);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(h => h.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(h => h.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.CampaignId, h.CustomerId }).IsUnique();
        builder.HasIndex(h => h.CustomerId);
    }
}

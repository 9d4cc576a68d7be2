using LoyaltyStudio.Domain.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="CampaignResponseEvidence"/>: one row per campaign and group, gone with its campaign.</summary>
internal sealed class CampaignResponseEvidenceConfiguration : IEntityTypeConfiguration<CampaignResponseEvidence>
{
    public void Configure(EntityTypeBuilder<CampaignResponseEvidence> builder)
    {
        builder.ToTable("CampaignResponseEvidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Group).HasMaxLength(CampaignResponseEvidence.MaxGroupLength).IsRequired();
        builder.Property(e => e.Basis).HasMaxLength(CampaignResponseEvidence.MaxBasisLength).IsRequired();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.CampaignId, e.Group }).IsUnique();
    }
}

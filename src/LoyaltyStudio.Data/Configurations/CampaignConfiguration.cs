using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="Campaign"/>; an audience used by a campaign cannot be deleted.</summary>
internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("Campaigns");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(ColumnSizes.Name).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(ColumnSizes.Note).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.Property(c => c.HoldoutShare).HasPrecision(5, 4);
        builder.Property(c => c.CreatedBy).HasMaxLength(ColumnSizes.Actor).IsRequired();
        builder.Property(c => c.SubmittedBy).HasMaxLength(ColumnSizes.Actor);
        builder.Property(c => c.ApprovedBy).HasMaxLength(ColumnSizes.Actor);
        builder.Property(c => c.RejectionReason).HasMaxLength(ColumnSizes.Note);
        builder.Property(c => c.CancellationReason).HasMaxLength(ColumnSizes.Note);
        builder.HasOne<SavedAudience>().WithMany().HasForeignKey(c => c.AudienceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Status);
        builder.HasIndex(c => c.AudienceId);
    }
}

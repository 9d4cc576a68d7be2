using LoyaltyStudio.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>
/// Maps <see cref="AuditEntry"/>. No foreign keys on purpose: the audit trail outlives what it talks about.
/// <see cref="AppendOnlyGuard"/> refuses updates and deletes through EF Core, and a database trigger from raw SQL.
/// </summary>
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries", t => t.HasTrigger(AppendOnlyTriggerNames.AuditEntries));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Actor).HasMaxLength(ColumnSizes.Actor).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(ColumnSizes.Code).IsRequired();
        builder.Property(a => a.EntityType).HasMaxLength(ColumnSizes.Code).IsRequired();
        builder.Property(a => a.EntityId).HasMaxLength(ColumnSizes.ExternalId);
        builder.HasIndex(a => a.OccurredAt);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => new { a.Actor, a.OccurredAt });
    }
}

using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>
/// Maps <see cref="PointsLedgerEntry"/>. The ledger is append-only, so no delete of a customer or an
/// order may cascade into it; <see cref="AppendOnlyGuard"/> refuses updates and deletes through EF Core,
/// and database triggers (see <see cref="AppendOnlyTriggerNames"/>) refuse them from raw SQL too.
/// </summary>
internal sealed class PointsLedgerEntryConfiguration : IEntityTypeConfiguration<PointsLedgerEntry>
{
    public void Configure(EntityTypeBuilder<PointsLedgerEntry> builder)
    {
        builder.ToTable("PointsLedger", t => t.HasTrigger(AppendOnlyTriggerNames.PointsLedger));
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.Property(p => p.Note).HasMaxLength(ColumnSizes.Note);
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CustomerId, p.OccurredAt });
        builder.HasIndex(p => p.OrderId);
    }
}

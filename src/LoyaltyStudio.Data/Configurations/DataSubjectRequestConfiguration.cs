using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="DataSubjectRequest"/>.</summary>
internal sealed class DataSubjectRequestConfiguration : IEntityTypeConfiguration<DataSubjectRequest>
{
    public void Configure(EntityTypeBuilder<DataSubjectRequest> builder)
    {
        builder.ToTable("DataSubjectRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.Property(r => r.HandledBy).HasMaxLength(ColumnSizes.Actor);
        builder.Property(r => r.Note).HasMaxLength(ColumnSizes.Note);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Status, r.ReceivedAt });
        builder.HasIndex(r => r.CustomerId);
    }
}

using LoyaltyStudio.Data.GroundTruth;
using LoyaltyStudio.Domain.Catalog;
using LoyaltyStudio.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="SimulatedDataset"/>.</summary>
internal sealed class SimulatedDatasetConfiguration : IEntityTypeConfiguration<SimulatedDataset>
{
    public void Configure(EntityTypeBuilder<SimulatedDataset> builder)
    {
        builder.ToTable("SimulatedDatasets");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Generator).HasMaxLength(ColumnSizes.Name).IsRequired();
        builder.Property(d => d.ParametersJson).IsRequired();
    }
}

/// <summary>Maps <see cref="CustomerTruth"/>: one row per simulated customer.</summary>
internal sealed class CustomerTruthConfiguration : IEntityTypeConfiguration<CustomerTruth>
{
    public void Configure(EntityTypeBuilder<CustomerTruth> builder)
    {
        builder.ToTable("CustomerTruths");
        builder.HasKey(t => t.CustomerId);
        builder.Property(t => t.CustomerId).ValueGeneratedNever();
        builder.Property(t => t.OfferResponse).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.HasOne<Customer>().WithOne().HasForeignKey<CustomerTruth>(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Category>().WithMany().HasForeignKey(t => t.ShiftFromCategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Category>().WithMany().HasForeignKey(t => t.ShiftToCategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

using LoyaltyStudio.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="Customer"/>; consent is stored as columns on the customer row.</summary>
internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ExternalId).HasMaxLength(ColumnSizes.ExternalId).IsRequired();
        builder.Property(c => c.FirstName).HasMaxLength(ColumnSizes.Name).IsRequired();
        builder.Property(c => c.LastName).HasMaxLength(ColumnSizes.Name).IsRequired();
        builder.Property(c => c.Email).HasMaxLength(ColumnSizes.Email);
        builder.Property(c => c.Phone).HasMaxLength(ColumnSizes.Phone);
        builder.Property(c => c.AgeBand).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.Property(c => c.Region).HasMaxLength(ColumnSizes.Name).IsRequired();
        builder.Property(c => c.SignupChannel).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.Property(c => c.TierCode).HasMaxLength(ColumnSizes.Code).IsRequired();

        builder.OwnsOne(c => c.Consent, consent =>
        {
            consent.Property(x => x.Email).HasColumnName("ConsentEmail");
            consent.Property(x => x.Sms).HasColumnName("ConsentSms");
            consent.Property(x => x.Push).HasColumnName("ConsentPush");
            consent.Property(x => x.Profiling).HasColumnName("ConsentProfiling");
            consent.Property(x => x.UpdatedAt).HasColumnName("ConsentUpdatedAt");
        });
        builder.Navigation(c => c.Consent).IsRequired();

        builder.HasIndex(c => c.ExternalId).IsUnique();
        builder.HasIndex(c => c.Email);
        builder.HasIndex(c => new { c.LastName, c.FirstName });
        builder.HasIndex(c => c.TierCode);
        builder.HasIndex(c => c.RescoreRequestedAt);
    }
}

using LoyaltyStudio.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="ApiKey"/>; looked up by prefix on every API request.</summary>
internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(ColumnSizes.Actor).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength).IsFixedLength().IsRequired();
        builder.Property(k => k.SecretHash).HasMaxLength(64).IsRequired();
        builder.Property(k => k.CreatedBy).HasMaxLength(ColumnSizes.Actor).IsRequired();
        builder.Property(k => k.RevokedBy).HasMaxLength(ColumnSizes.Actor);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.Ignore(k => k.IsActive);
    }
}

using LoyaltyStudio.Domain.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoyaltyStudio.Data.Configurations;

/// <summary>Maps <see cref="Segment"/>; the key is unique per kind so segments keep their identity across runs.</summary>
internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.ToTable("Segments");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(ColumnSizes.EnumName);
        builder.Property(s => s.Key).HasMaxLength(ColumnSizes.Code).IsRequired();
        builder.Property(s => s.Name).HasMaxLength(ColumnSizes.Name).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(ColumnSizes.Note).IsRequired();
        builder.Property(s => s.ProfileJson).IsRequired();
        builder.Property(s => s.CentroidJson).IsRequired();
        builder.Ignore(s => s.IsRetired);
        builder.HasIndex(s => new { s.Kind, s.Key }).IsUnique();
    }
}
